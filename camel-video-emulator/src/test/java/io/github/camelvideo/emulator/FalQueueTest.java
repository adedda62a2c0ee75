package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fal queue surface as fal's docs describe it, on a clock the test moves. */
class FalQueueTest {

    private static final String T2V = "fal-ai/kling-video/v3/standard/text-to-video";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private VideoEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).falKey("fal-key-1")
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void queuePositionsFallAsEarlierRequestsStartThenTheResultNamesAnMp4OfTheRequestedShape(@TempDir Path dir)
            throws Exception {
        JsonNode first = submit(T2V, "{\"prompt\":\"a fox\",\"duration\":\"3\",\"aspect_ratio\":\"9:16\"}");
        clock.advance(Duration.ofMillis(500));
        JsonNode second = submit(T2V, "{\"prompt\":\"a hare\",\"duration\":\"3\"}");
        assertThat(first.path("status").asText()).isEqualTo("IN_QUEUE");
        assertThat(second.path("queue_position").asInt()).isEqualTo(1);
        assertThat(second.path("status_url").asText())
                .isEqualTo(emulator.falBaseUrl() + "/fal-ai/kling-video/requests/" + second.path("request_id").asText()
                        + "/status");

        clock.advance(Duration.ofMillis(600)); // the first left the queue, the second is next
        assertThat(get(second.path("status_url").asText()).path("queue_position").asInt()).isZero();
        JsonNode running = get(first.path("status_url").asText() + "?logs=1");
        assertThat(running.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(running.path("logs").get(0).path("message").asText()).startsWith("Generating video");

        clock.advance(Duration.ofSeconds(10));
        assertThat(get(first.path("status_url").asText()).path("status").asText()).isEqualTo("COMPLETED");
        JsonNode video = get(first.path("response_url").asText()).path("video");
        assertThat(video.path("content_type").asText()).isEqualTo("video/mp4");
        HttpResponse<Path> mp4 = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(video.path("url").asText()))
                .build(), HttpResponse.BodyHandlers.ofFile(dir.resolve("out.mp4")));
        assertThat(mp4.statusCode()).isEqualTo(200);
        assertThat(Files.size(mp4.body())).isEqualTo(video.path("file_size").asLong());
        Mp4Probe probe = Mp4Probe.of(mp4.body());
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertThat(probe.durationSeconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aMissingOrWrongKeyIsRefusedWith401() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(emulator.falBaseUrl() + "/" + T2V))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(emulator.falBaseUrl() + "/" + T2V))
                .header("Authorization", "Key other").POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> bearer = send(HttpRequest.newBuilder(URI.create(emulator.falBaseUrl() + "/" + T2V))
                .header("Authorization", "Bearer fal-key-1").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(List.of(none.statusCode(), wrong.statusCode(), bearer.statusCode())).containsOnly(401);
        assertThat(TestClient.JSON.readTree(wrong.body()).path("detail").isTextual()).isTrue();
        assertThat(emulator.jobCount()).isZero();
    }

    @Test
    void filteredAndFailedRequestsAnswerTheirResultWithFalsErrorShapes() throws Exception {
        emulator.faults().filterJobs(1, List.of("violence")).failJobs(1, "runner_disconnected", "runner went away");
        JsonNode filtered = submit(T2V, "{\"prompt\":\"a fight\"}");
        JsonNode failed = submit(T2V, "{\"prompt\":\"a dance\"}");
        JsonNode invalid = submit(T2V, "{\"prompt\":\"a walk\",\"duration\":5}");
        clock.advance(Duration.ofSeconds(11));

        HttpResponse<String> refused = send(authorized(filtered.path("response_url").asText()).GET());
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode item = TestClient.JSON.readTree(refused.body()).path("detail").get(0);
        assertThat(item.path("type").asText()).isEqualTo("content_policy_violation");
        assertThat(item.path("categories").get(0).asText()).isEqualTo("violence");

        HttpResponse<String> broken = send(authorized(failed.path("response_url").asText()).GET());
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.headers().firstValue("X-Fal-Error-Type")).hasValue("runner_disconnected");
        assertThat(TestClient.JSON.readTree(broken.body()).path("error_type").asText()).isEqualTo("runner_disconnected");

        HttpResponse<String> literal = send(authorized(invalid.path("response_url").asText()).GET());
        assertThat(literal.statusCode()).isEqualTo(422);
        assertThat(TestClient.JSON.readTree(literal.body()).path("detail").get(0).path("loc").get(1).asText())
                .isEqualTo("duration");
    }

    @Test
    void aTimedOutSubmitAnswers504AfterQueueingTheRequest() throws Exception {
        emulator.faults().acceptThenTimeout("POST", "/fal/.*", 1);
        HttpResponse<String> response = send(authorized(emulator.falBaseUrl() + "/" + T2V)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a cat\"}")));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("X-Fal-Error-Type")).hasValue("request_timeout");
        assertThat(emulator.jobCount()).isEqualTo(1);
    }

    private JsonNode submit(String endpoint, String body) throws Exception {
        HttpResponse<String> response = send(authorized(emulator.falBaseUrl() + "/" + endpoint)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body());
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = send(authorized(url).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body());
    }

    private static HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Key fal-key-1");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
