package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private VideoEmulator emulator;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofSeconds(5)).clock(clock).start();
        client = new TestClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String completedVideo() {
        String id = client.create("{\"prompt\":\"p\",\"size\":\"1280x720\"}").get("id").asText();
        clock.advance(Duration.ofSeconds(5));
        return id;
    }

    @Test
    void rateLimitAnswers429WithRetryAfterThenRecovers() {
        emulator.faults().rateLimit("POST", "/v1/videos", 2, 7);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = client.postJson("/videos", "{\"prompt\":\"p\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("retry-after")).hasValue("7");
            JsonNode error = TestClient.json(limited).get("error");
            assertThat(error.get("type").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
            assertThat(error.get("param").isNull()).isTrue();
        }
        assertThat(emulator.jobCount()).isZero();

        assertThat(client.postJson("/videos", "{\"prompt\":\"p\"}").statusCode()).isEqualTo(200);
        assertThat(emulator.jobCount()).isEqualTo(1);
    }

    @Test
    void rulesMatchMethodAndTheWholePath() {
        String id = client.create("{\"prompt\":\"p\"}").get("id").asText();
        emulator.faults().serverError("GET", "/v1/videos/[^/]+", 1);

        assertThat(client.get("/videos").statusCode()).isEqualTo(200); // path does not match
        assertThat(client.get("/videos/" + id + "/content").statusCode()).isEqualTo(404); // not a full match
        HttpResponse<String> failed = client.get("/videos/" + id);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(TestClient.json(failed).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(client.get("/videos/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorDoesNotCreateTheJob() {
        emulator.faults().serverError("POST", "/v1/videos", 1);

        assertThat(client.postJson("/videos", "{\"prompt\":\"p\"}").statusCode()).isEqualTo(500);
        assertThat(emulator.jobCount()).isZero();
    }

    @Test
    void rulesAreUsedInTheOrderTheyWereAdded() {
        emulator.faults().rateLimit("POST", "/v1/videos", 1, 1).serverError("*", "/v1/videos", 1);

        assertThat(client.postJson("/videos", "{\"prompt\":\"p\"}").statusCode()).isEqualTo(429);
        assertThat(client.postJson("/videos", "{\"prompt\":\"p\"}").statusCode()).isEqualTo(500);
        assertThat(client.postJson("/videos", "{\"prompt\":\"p\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void acceptThenFailCreatesTheJobButAnswers500() {
        emulator.faults().acceptThenFail("POST", "/v1/videos", 1);

        HttpResponse<String> response = client.postJson("/videos", "{\"prompt\":\"in doubt\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestClient.json(response).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(emulator.jobCount()).isEqualTo(1);
        JsonNode list = TestClient.json(client.get("/videos"));
        assertThat(list.at("/data/0/prompt").asText()).isEqualTo("in doubt");
    }

    @Test
    void acceptThenFailIgnoresRejectedRequests() {
        emulator.faults().acceptThenFail("POST", "/v1/videos", 1);

        assertThat(client.postJson("/videos", "{\"seconds\":\"4\"}").statusCode()).isEqualTo(400);
        assertThat(client.postJson("/videos", "{\"prompt\":\"p\"}").statusCode()).isEqualTo(500);
    }

    @Test
    void acceptThenDropCreatesTheJobAndClosesTheConnectionWithoutAnswer() {
        emulator.faults().acceptThenDrop("POST", "/v1/videos", 1);

        assertThatThrownBy(() -> client.postJson("/videos", "{\"prompt\":\"lost\"}"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(emulator.jobCount()).isEqualTo(1);
        assertThat(emulator.requests("POST", "/v1/videos")).singleElement()
                .satisfies(r -> assertThat(r.status()).isZero());
        assertThat(client.postJson("/videos", "{\"prompt\":\"ok\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void resetDownloadCutsTheConnectionAndTheClientCanResumeWithRange() throws Exception {
        String id = completedVideo();
        byte[] full = client.getBytes("/videos/" + id + "/content").body();
        emulator.faults().resetDownload(1, 10_000);

        HttpResponse<InputStream> cut = client.send(client.request("/videos/" + id + "/content").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.headers().firstValueAsLong("content-length")).hasValue(full.length);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = cut.body()) {
                in.transferTo(received);
            }
        }).isInstanceOf(IOException.class);
        // the emulator sends 10,000 bytes before it cuts the connection; a client may lose some of those still in
        // its buffers when the cut arrives (the JDK client reports the error ahead of them under load), so a
        // client resumes from what it actually received
        assertThat(received.size()).isBetween(0, 10_000);

        HttpResponse<byte[]> rest = client.getBytes("/videos/" + id + "/content", "Range", "bytes=" + received.size() + "-");
        assertThat(rest.statusCode()).isEqualTo(206);
        received.write(rest.body());
        assertThat(received.toByteArray()).isEqualTo(full);
    }

    @Test
    void failJobsEndFailedWithTheConfiguredError() {
        emulator.faults().failJobs(1, "moderation_blocked", "Your request was blocked by our moderation system.");
        String failed = client.create("{\"prompt\":\"p\"}").get("id").asText();
        String normal = client.create("{\"prompt\":\"p\"}").get("id").asText();

        assertThat(client.retrieve(failed).get("error").isNull()).isTrue();
        clock.advance(Duration.ofSeconds(5));

        JsonNode video = client.retrieve(failed);
        assertThat(video.get("status").asText()).isEqualTo("failed");
        assertThat(video.at("/error/code").asText()).isEqualTo("moderation_blocked");
        assertThat(video.at("/error/message").asText()).isEqualTo("Your request was blocked by our moderation system.");
        assertThat(video.get("expires_at").isNull()).isTrue();
        assertThat(client.getBytes("/videos/" + failed + "/content").statusCode()).isEqualTo(404);
        assertThat(client.retrieve(normal).get("status").asText()).isEqualTo("completed");
        assertThat(client.delete("/videos/" + failed).statusCode()).isEqualTo(200);
    }

    @Test
    void neverFinishingJobsStayInProgressBelow100() {
        emulator.faults().neverFinishJobs(1);
        String stuck = client.create("{\"prompt\":\"p\"}").get("id").asText();

        clock.advance(Duration.ofDays(1));

        JsonNode video = client.retrieve(stuck);
        assertThat(video.get("status").asText()).isEqualTo("in_progress");
        assertThat(video.get("progress").asInt()).isBetween(1, 99);
        assertThat(video.get("completed_at").isNull()).isTrue();
        assertThat(client.delete("/videos/" + stuck).statusCode()).isEqualTo(400);
    }

    @Test
    void jobRulesApplyInOrder() {
        emulator.faults().failJobs(1, "c", "m").neverFinishJobs(1);
        String first = client.create("{\"prompt\":\"p\"}").get("id").asText();
        String second = client.create("{\"prompt\":\"p\"}").get("id").asText();
        String third = client.create("{\"prompt\":\"p\"}").get("id").asText();

        clock.advance(Duration.ofSeconds(5));

        assertThat(client.retrieve(first).get("status").asText()).isEqualTo("failed");
        assertThat(client.retrieve(second).get("status").asText()).isEqualTo("in_progress");
        assertThat(client.retrieve(third).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void jsonFromContentAnswers200WithAJsonBody() {
        String id = completedVideo();
        emulator.faults().jsonFromContent(1);

        HttpResponse<byte[]> json = client.getBytes("/videos/" + id + "/content");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(new String(json.body())).contains("\"error\"");
        assertThat(client.getBytes("/videos/" + id + "/content").headers().firstValue("content-type"))
                .hasValue("video/mp4");
    }

    @Test
    void resetRemovesEveryRule() {
        emulator.faults().serverError("*", ".*", 5).failJobs(3, "c", "m").neverFinishJobs(2).jsonFromContent(2)
                .resetDownload(2, 1).rateLimit("*", ".*", 1, 1).acceptThenFail("*", ".*", 1).acceptThenDrop("*", ".*", 1);

        emulator.faults().reset();

        String id = completedVideo();
        assertThat(client.retrieve(id).get("status").asText()).isEqualTo("completed");
        assertThat(client.getBytes("/videos/" + id + "/content").headers().firstValue("content-type"))
                .hasValue("video/mp4");
    }
}
