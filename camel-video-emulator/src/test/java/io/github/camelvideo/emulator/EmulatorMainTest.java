package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void helpPrintsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        VideoEmulator.Builder builder = EmulatorMain.parse(new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(builder).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port").contains("--job-duration")
                .contains("--api-key").contains("--poll-after-ms").contains("--no-extensions").contains("--state-dir")
                .contains("--no-fal").contains("--fal-key").contains("--no-kie").contains("--kie-key")
                .contains("--kie-hmac-key").contains("--no-kling").contains("--kling-access-key")
                .contains("--kling-secret-key");
    }

    @Test
    void noExtensionsSwitchesExtensionsOff() throws Exception {
        try (VideoEmulator plain = EmulatorMain.parse(new String[] {"--port", "0"}, System.out).start();
                VideoEmulator without = EmulatorMain.parse(new String[] {"--port", "0", "--no-extensions"}, System.out)
                        .start()) {
            assertThat(plain.extensionsEnabled()).isTrue();
            assertThat(without.extensionsEnabled()).isFalse();
        }
    }

    @Test
    void theFalQueueIsServedUnlessSwitchedOff() throws Exception {
        try (VideoEmulator plain = EmulatorMain.parse(new String[] {"--port", "0", "--fal-key", "k"}, System.out)
                .start();
                VideoEmulator without = EmulatorMain.parse(new String[] {"--port", "0", "--no-fal"}, System.out)
                        .start()) {
            assertThat(plain.falEnabled()).isTrue();
            assertThat(plain.falBaseUrl()).isEqualTo(plain.rootUrl() + "/fal");
            assertThat(without.falEnabled()).isFalse();
        }
    }

    @Test
    void kieIsServedUnlessSwitchedOffAndItsKeyIsChecked() throws Exception {
        try (VideoEmulator plain = EmulatorMain.parse(new String[] {"--port", "0", "--kie-key", "kie-k",
            "--kie-hmac-key", "h"}, System.out).start();
                VideoEmulator without = EmulatorMain.parse(new String[] {"--port", "0", "--no-kie"}, System.out)
                        .start()) {
            assertThat(plain.kieEnabled()).isTrue();
            assertThat(plain.kieBaseUrl()).isEqualTo(plain.rootUrl() + "/kie");
            assertThat(without.kieEnabled()).isFalse();
            var wrong = TestClient.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    plain.kieBaseUrl() + "/api/v1/jobs/recordInfo?taskId=x")).header("Authorization", "Bearer other")
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var right = TestClient.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    plain.kieBaseUrl() + "/api/v1/jobs/recordInfo?taskId=x")).header("Authorization", "Bearer kie-k")
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void klingsApiIsServedWithTheGivenKeysUnlessSwitchedOff() throws Exception {
        try (VideoEmulator plain = EmulatorMain.parse(new String[] {"--port", "0", "--kling-access-key", "ak",
            "--kling-secret-key", "sk"}, System.out).start();
                VideoEmulator without = EmulatorMain.parse(new String[] {"--port", "0", "--no-kling"}, System.out)
                        .start()) {
            assertThat(plain.klingEnabled()).isTrue();
            assertThat(plain.klingBaseUrl()).isEqualTo(plain.rootUrl() + "/kling");
            long now = java.time.Instant.now().getEpochSecond();
            java.net.http.HttpResponse<String> accepted = TestClient.HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(plain.klingBaseUrl() + "/v1/videos/text2video")).header("Authorization",
                    "Bearer " + KlingApiTest.jwt("ak", now - 5, now + 1800, "sk")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(without.klingEnabled()).isFalse();
        }
    }

    @Test
    void optionsConfigureTheEmulator() throws Exception {
        VideoEmulator.Builder builder = EmulatorMain.parse(new String[] {"--port", "0", "--job-duration", "0",
            "--api-key", "sk-main-key-123", "--poll-after-ms", "50"}, System.out);

        try (VideoEmulator emulator = builder.start()) {
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/v1");
            TestClient client = new TestClient(emulator.baseUrl(), "sk-main-key-123");
            String id = client.create("{\"prompt\":\"p\"}").get("id").asText();
            var response = client.get("/videos/" + id);
            assertThat(TestClient.json(response).get("status").asText()).isEqualTo("completed");
            assertThat(response.headers().firstValue("openai-poll-after-ms")).hasValue("50");
            assertThat(new TestClient(emulator.baseUrl(), "other").get("/videos").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void webhookOptionsSendEventsAndGoTogether() throws Exception {
        try (VideoEmulator emulator = EmulatorMain.parse(new String[] {"--port", "0", "--webhook-url",
                "http://127.0.0.1:9/hooks", "--webhook-secret", "whsec_c2VjcmV0"}, System.out).start()) {
            assertThat(emulator.webhooksEnabled()).isTrue();
            assertThat(emulator.webhooks().url().toString()).isEqualTo("http://127.0.0.1:9/hooks");
        }
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--webhook-url", "http://127.0.0.1:9/h"},
                System.out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--webhook-secret");
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--nope", "1"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "x"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
