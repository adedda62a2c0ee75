package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.GEMINI_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault plan on the Google surfaces: Google's envelopes, failed and filtered operations, broken downloads. */
class GoogleFaultsTest {

    private static final Duration JOB = Duration.ofSeconds(5);
    private static final String CREATE = "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private VideoEmulator emulator;
    private GoogleTestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(JOB).clock(clock).start();
        client = new GoogleTestClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void rateLimitIs429ResourceExhaustedWithRetryAfter() {
        emulator.faults().rateLimit("POST", "/v1beta/models/.*:predictLongRunning", 1, 9)
                .rateLimit("POST", "/v1/projects/.*", 1, 3);

        HttpResponse<String> gemini = client.geminiCreate(GEMINI_MODEL, CREATE);
        HttpResponse<String> vertex = client.vertexCreate(VERTEX_MODEL, CREATE);

        assertThat(gemini.statusCode()).isEqualTo(429);
        assertThat(gemini.headers().firstValue("retry-after")).hasValue("9");
        assertThat(gemini.body()).isEqualTo("{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g."
                + " check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}");
        assertThat(vertex.statusCode()).isEqualTo(429);
        assertThat(vertex.headers().firstValue("retry-after")).hasValue("3");
        assertThat(emulator.jobCount()).isZero();
        assertThat(client.geminiCreate(GEMINI_MODEL, CREATE).statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorIs500Internal() {
        String name = client.geminiStart(CREATE);
        emulator.faults().serverError("GET", "/v1beta/models/.*/operations/.*", 1);

        HttpResponse<String> failed = client.geminiPoll(name);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\","
                + "\"status\":\"INTERNAL\"}}");
        assertThat(client.geminiPoll(name).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptThenFailCreatesTheOperationButAnswers500() {
        emulator.faults().acceptThenFail("POST", "/v1/projects/.*:predictLongRunning", 1);

        HttpResponse<String> response = client.vertexCreate(VERTEX_MODEL, CREATE);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestClient.json(response).at("/error/status").asText()).isEqualTo("INTERNAL");
        assertThat(emulator.jobCount()).isEqualTo(1);
    }

    @Test
    void acceptThenDropClosesTheConnection() {
        emulator.faults().acceptThenDrop("POST", "/v1beta/models/.*", 1);

        assertThatThrownBy(() -> client.geminiCreate(GEMINI_MODEL, CREATE)).isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.jobCount()).isEqualTo(1);
    }

    @Test
    void failJobsEndsOperationsWithAnIntegerCode() {
        emulator.faults().failJobs(1, "3", "The prompt could not be rendered.")
                .failJobs(1, "moderation_blocked", "Blocked.")
                .failJobs(1, "9", "Vertex failure.");
        String numeric = client.geminiStart(CREATE);
        String named = client.geminiStart(CREATE);
        String vertex = client.vertexStart(CREATE);
        clock.advance(JOB);

        JsonNode first = TestClient.json(client.geminiPoll(numeric));
        JsonNode second = TestClient.json(client.geminiPoll(named));
        JsonNode third = TestClient.json(client.vertexFetch(VERTEX_MODEL, vertex));

        assertThat(first.get("done").asBoolean()).isTrue();
        assertThat(first.has("response")).isFalse();
        assertThat(first.at("/error/code").isInt()).isTrue();
        assertThat(first.at("/error/code").asInt()).isEqualTo(3);
        assertThat(first.at("/error/message").asText()).isEqualTo("The prompt could not be rendered.");
        assertThat(second.at("/error/code").asInt()).isEqualTo(13);
        assertThat(third.get("done").asBoolean()).isTrue();
        assertThat(third.at("/error/code").asInt()).isEqualTo(9);
        assertThat(third.at("/error/message").asText()).isEqualTo("Vertex failure.");
        assertThat(third.has("response")).isFalse();
    }

    @Test
    void filterJobsGivesRaiFilteredResponsesWithoutVideos() {
        List<String> reasons = List.of("The video was blocked because it could contain children.");
        emulator.faults().filterJobs(2, reasons);
        String gemini = client.geminiStart(CREATE);
        String vertex = client.vertexStart(CREATE);
        clock.advance(JOB);

        JsonNode geminiDone = TestClient.json(client.geminiPoll(gemini));
        JsonNode vertexDone = TestClient.json(client.vertexFetch(VERTEX_MODEL, vertex));

        assertThat(geminiDone.get("done").asBoolean()).isTrue();
        assertThat(geminiDone.has("error")).isFalse();
        JsonNode generated = geminiDone.at("/response/generateVideoResponse");
        assertThat(generated.get("raiMediaFilteredCount").asInt()).isEqualTo(1);
        assertThat(generated.get("raiMediaFilteredReasons").get(0).asText()).isEqualTo(reasons.get(0));
        assertThat(generated.has("generatedSamples")).isFalse();
        assertThat(geminiDone.at("/response/@type").asText()).endsWith("PredictLongRunningResponse");

        assertThat(vertexDone.get("done").asBoolean()).isTrue();
        JsonNode response = vertexDone.get("response");
        assertThat(response.get("@type").asText()).endsWith("GenerateVideoResponse");
        assertThat(response.get("raiMediaFilteredCount").asInt()).isEqualTo(1);
        assertThat(response.get("raiMediaFilteredReasons").get(0).asText()).isEqualTo(reasons.get(0));
        assertThat(response.has("videos")).isFalse();
    }

    @Test
    void filterJobsFailsOpenAiVideosWithAModerationError() {
        emulator.faults().filterJobs(1, List.of("violence", "gore"));
        TestClient openai = new TestClient(emulator);
        String id = openai.create("{\"prompt\":\"p\"}").get("id").asText();
        clock.advance(JOB);

        JsonNode video = openai.retrieve(id);

        assertThat(video.get("status").asText()).isEqualTo("failed");
        assertThat(video.at("/error/code").asText()).isEqualTo("moderation_blocked");
        assertThat(video.at("/error/message").asText()).contains("violence").contains("gore");
    }

    @Test
    void resetDownloadCutsTheGeminiDownloadAndRangeResumesIt() throws Exception {
        String name = client.geminiStart(CREATE);
        clock.advance(JOB);
        String uri = client.geminiVideoUri(name);
        byte[] whole = client.geminiDownload(uri);
        String location = client.geminiGetBytes(uri).headers().firstValue("location").orElseThrow();
        emulator.faults().resetDownload(1, 10_000);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        HttpResponse<InputStream> cut = GoogleTestClient.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.headers().firstValueAsLong("content-length")).hasValue(whole.length);
        assertThatThrownBy(() -> {
            try (InputStream in = cut.body()) {
                in.transferTo(received);
            }
        }).isInstanceOf(IOException.class);
        assertThat(received.size()).isEqualTo(10_000);

        HttpResponse<byte[]> rest = client.getBytes(location, "Range", "bytes=" + received.size() + "-");
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("content-range")).hasValue("bytes 10000-" + (whole.length - 1) + "/"
                + whole.length);
        received.writeBytes(rest.body());
        assertThat(received.toByteArray()).isEqualTo(whole);

        HttpResponse<byte[]> beyond = client.getBytes(location, "Range", "bytes=" + whole.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(new String(beyond.body())).contains("OUT_OF_RANGE");
    }

    @Test
    void jsonFromContentAnswersAGoogleErrorDocumentWith200() {
        String name = client.geminiStart(CREATE);
        clock.advance(JOB);
        emulator.faults().jsonFromContent(1);

        HttpResponse<byte[]> redirect = client.geminiGetBytes(client.geminiVideoUri(name));
        HttpResponse<byte[]> media = client.getBytes(redirect.headers().firstValue("location").orElseThrow());

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(new String(media.body())).contains("\"status\":\"INTERNAL\"");
    }

    @Test
    void neverFinishJobsKeepsOperationsRunning() {
        emulator.faults().neverFinishJobs(1);
        String name = client.vertexStart(CREATE);
        clock.advance(Duration.ofHours(2));

        JsonNode operation = TestClient.json(client.vertexFetch(VERTEX_MODEL, name));

        assertThat(operation.has("done")).isFalse();
        assertThat(operation.get("name").asText()).isEqualTo(name);
    }

    @Test
    void googleRequestsAreRecorded() {
        client.geminiStart(CREATE);
        client.vertexStart(CREATE);

        assertThat(emulator.requests("POST", "/v1beta/models/.*:predictLongRunning")).hasSize(1);
        RecordedRequest vertex = emulator.requests("POST", "/v1/projects/.*").get(0);
        assertThat(vertex.header("authorization")).isEqualTo("Bearer vertex-test-token");
        assertThat(vertex.bodyAsString()).contains("\"prompt\":\"p\"");
        assertThat(vertex.status()).isEqualTo(200);
        assertThat(emulator.jobCount()).isEqualTo(2);
    }
}
