package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private VideoEmulator emulator;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofSeconds(10)).retention(Duration.ofMinutes(30))
                .pollAfterMs(250).clock(clock).start();
        client = new TestClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createReturnsAQueuedVideoWithEveryDocumentedField() {
        JsonNode video = client.create("{\"prompt\":\"A calico cat playing a piano\"}");

        assertThat(video.get("id").asText()).matches("video_[0-9a-f]{48}");
        assertThat(video.get("object").asText()).isEqualTo("video");
        assertThat(video.get("model").asText()).isEqualTo("sora-2");
        assertThat(video.get("status").asText()).isEqualTo("queued");
        assertThat(video.get("progress").isInt()).isTrue();
        assertThat(video.get("progress").asInt()).isZero();
        assertThat(video.get("created_at").asLong()).isEqualTo(START.getEpochSecond());
        assertThat(video.get("completed_at").isNull()).isTrue();
        assertThat(video.get("expires_at").isNull()).isTrue();
        assertThat(video.get("prompt").asText()).isEqualTo("A calico cat playing a piano");
        assertThat(video.get("size").asText()).isEqualTo("720x1280");
        assertThat(video.get("seconds").isTextual()).isTrue();
        assertThat(video.get("seconds").asText()).isEqualTo("4");
        assertThat(video.get("remixed_from_video_id").isNull()).isTrue();
        assertThat(video.get("error").isNull()).isTrue();
        assertThat(video.size()).isEqualTo(13);
        assertThat(emulator.jobCount()).isEqualTo(1);
    }

    @Test
    void movesFromQueuedThroughInProgressToCompletedAsTheClockAdvances() {
        String id = client.create("{\"prompt\":\"p\",\"seconds\":\"8\",\"size\":\"1280x720\"}").get("id").asText();

        clock.advance(Duration.ofMillis(500));
        assertThat(client.retrieve(id).get("status").asText()).isEqualTo("queued");

        clock.advance(Duration.ofMillis(1500)); // 2 s of 10 s
        JsonNode early = client.retrieve(id);
        assertThat(early.get("status").asText()).isEqualTo("in_progress");
        assertThat(early.get("progress").asInt()).isEqualTo(20);

        clock.advance(Duration.ofSeconds(5)); // 7 s
        JsonNode later = client.retrieve(id);
        assertThat(later.get("status").asText()).isEqualTo("in_progress");
        assertThat(later.get("progress").asInt()).isEqualTo(70);
        assertThat(later.get("completed_at").isNull()).isTrue();

        clock.advance(Duration.ofSeconds(3)); // 10 s
        JsonNode done = client.retrieve(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("completed_at").asLong()).isEqualTo(START.getEpochSecond() + 10);
        assertThat(done.get("expires_at").asLong()).isEqualTo(START.getEpochSecond() + 10 + 30 * 60);
        assertThat(done.get("error").isNull()).isTrue();
    }

    @Test
    void retrieveSendsThePollAfterHeader() {
        String id = client.create("{\"prompt\":\"p\"}").get("id").asText();

        HttpResponse<String> response = client.get("/videos/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("openai-poll-after-ms")).hasValue("250");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
    }

    @Test
    void pollAfterHeaderIsOmittedWhenNotPositive() throws Exception {
        try (VideoEmulator quiet = VideoEmulator.builder().pollAfterMs(0).start()) {
            TestClient quietClient = new TestClient(quiet);
            String id = quietClient.create("{\"prompt\":\"p\"}").get("id").asText();

            assertThat(quietClient.get("/videos/" + id).headers().firstValue("openai-poll-after-ms")).isEmpty();
        }
    }

    @Test
    void unknownVideoIs404WithTheErrorEnvelope() {
        HttpResponse<String> response = client.get("/videos/video_missing");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = TestClient.json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("video_missing");
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
    }

    @Test
    void contentExpiresAfterTheRetention() {
        String id = client.create("{\"prompt\":\"p\"}").get("id").asText();
        clock.advance(Duration.ofSeconds(10));
        assertThat(client.getBytes("/videos/" + id + "/content?variant=thumbnail").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(30));

        HttpResponse<byte[]> expired = client.getBytes("/videos/" + id + "/content?variant=thumbnail");
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(new String(expired.body())).contains("expired");
    }

    @Test
    void unknownRoutesAre404InvalidUrl() {
        HttpResponse<String> response = client.postJson("/videos/video_x/unknown", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(response).at("/error/message").asText()).isEqualTo("Invalid URL (POST /v1/videos/video_x/unknown)");
    }
}
