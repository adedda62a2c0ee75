package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AuthTest {

    @Test
    void missingKeyIs401WithTheOpenAiEnvelope() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().start()) {
            HttpResponse<String> response = new TestClient(emulator.baseUrl(), null).get("/videos");

            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = TestClient.json(response).get("error");
            assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
            assertThat(error.get("param").isNull()).isTrue();
            assertThat(error.get("message").asText()).contains("didn't provide an API key");
        }
    }

    @Test
    void wrongKeyIs401AndTheKeyIsMasked() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().apiKey("sk-right-key-123456").start()) {
            String wrongKey = "sk-abcdefghijklmnopqrstuvwxyz";
            HttpResponse<String> response = new TestClient(emulator.baseUrl(), wrongKey).postJson("/videos",
                    "{\"prompt\":\"p\"}");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(wrongKey);
            JsonNode error = TestClient.json(response).get("error");
            assertThat(error.get("message").asText()).startsWith("Incorrect API key provided: sk-ab***yz.");
            assertThat(error.get("code").asText()).isEqualTo("invalid_api_key");
            assertThat(emulator.jobCount()).isZero();
        }
    }

    @Test
    void configuredKeyIsAccepted() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().apiKey("sk-right-key-123456").start()) {
            HttpResponse<String> response = new TestClient(emulator.baseUrl(), "sk-right-key-123456").get("/videos");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anyNonEmptyKeyIsAcceptedWhenNoneIsConfigured() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().start()) {
            assertThat(new TestClient(emulator.baseUrl(), "whatever").get("/videos").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unauthenticatedRequestsAreRecordedAndDoNotConsumeFaults() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().start()) {
            emulator.faults().serverError("GET", "/v1/videos", 1);

            assertThat(new TestClient(emulator.baseUrl(), null).get("/videos").statusCode()).isEqualTo(401);
            assertThat(new TestClient(emulator).get("/videos").statusCode()).isEqualTo(500);
            assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(401, 500);
        }
    }
}
