package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kie's Sora 2 slugs on the market API, as provider-apis.md section 3.1 describes them, on a clock the test moves. */
class KieSoraMarketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private VideoEmulator emulator;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        emulator = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).kieKey("kie-key-1")
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void textToVideoMakesAnMp4OfNFramesSecondsInItsOrientation() throws Exception {
        String taskId = taskId(create("{\"model\":\"sora-2-text-to-video\",\"input\":{\"prompt\":\"a fox\","
                + "\"aspect_ratio\":\"portrait\",\"n_frames\":\"15\",\"remove_watermark\":true}}"));
        assertThat(taskId).matches("task_sora-2-text-to-video_\\d+");

        Mp4Probe probe = finish(taskId);
        assertThat(List.of(probe.width(), probe.height())).containsExactly(720, 1280);
        assertThat(probe.durationSeconds()).isCloseTo(15.0, Offset.offset(0.1));
    }

    @Test
    void proHighIsAbout1080pAndImageToVideoNeedsOnePublicImageUrl() throws Exception {
        Mp4Probe high = finish(taskId(create("{\"model\":\"sora-2-pro-text-to-video\",\"input\":{\"prompt\":\"a"
                + " fox\",\"aspect_ratio\":\"landscape\",\"n_frames\":\"10\",\"size\":\"high\"}}")));
        assertThat(List.of(high.width(), high.height())).containsExactly(1920, 1080);
        assertThat(high.durationSeconds()).isCloseTo(10.0, Offset.offset(0.1));

        HttpResponse<String> noImage = post("{\"model\":\"sora-2-image-to-video\",\"input\":{\"prompt\":\"a fox\"}}");
        HttpResponse<String> sizeOnStandard = post("{\"model\":\"sora-2-text-to-video\",\"input\":{\"prompt\":\"a"
                + " fox\",\"size\":\"high\"}}");
        HttpResponse<String> seconds = post("{\"model\":\"sora-2-text-to-video\",\"input\":{\"prompt\":\"a fox\","
                + "\"n_frames\":10}}");
        assertThat(List.of(noImage.statusCode(), sizeOnStandard.statusCode(), seconds.statusCode())).containsOnly(422);
        assertThat(message(noImage)).contains("input.image_urls");
        assertThat(message(sizeOnStandard)).contains("input.size is not a parameter of sora-2-text-to-video");
        assertThat(message(seconds)).contains("input.n_frames");
        assertThat(taskId(create("{\"model\":\"sora-2-image-to-video\",\"input\":{\"prompt\":\"a fox\","
                + "\"image_urls\":[\"https://images.example/fox.png\"]}}"))).startsWith("task_sora-2-image-to-video_");
    }

    @Test
    void aStoryboardsShotsMustSumToItsNFramesAndMakeOneVideoOfThatLength() throws Exception {
        HttpResponse<String> wrongTotal = post("{\"model\":\"sora-2-pro-storyboard\",\"input\":{\"n_frames\":\"25\","
                + "\"shots\":[{\"Scene\":\"a fox\",\"duration\":10},{\"Scene\":\"a hen\",\"duration\":10}]}}");
        assertThat(wrongTotal.statusCode()).isEqualTo(422);
        assertThat(message(wrongTotal)).contains("sum to n_frames (25)");

        Mp4Probe probe = finish(taskId(create("{\"model\":\"sora-2-pro-storyboard\",\"input\":{\"n_frames\":\"25\","
                + "\"aspect_ratio\":\"landscape\",\"size\":\"standard\",\"shots\":[{\"Scene\":\"a fox\","
                + "\"duration\":10},{\"Scene\":\"a hen\",\"duration\":15}]}}")));
        assertThat(List.of(probe.width(), probe.height())).containsExactly(1280, 720);
        assertThat(probe.durationSeconds()).isCloseTo(25.0, Offset.offset(0.1));
    }

    @Test
    void theWatermarkRemoverTakesASoraShareLink() throws Exception {
        HttpResponse<String> other = post("{\"model\":\"sora-watermark-remover\",\"input\":{\"video_url\":"
                + "\"https://videos.example/a.mp4\"}}");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(message(other)).contains("sora.chatgpt.com");

        Mp4Probe probe = finish(taskId(create("{\"model\":\"sora-watermark-remover\",\"input\":{\"video_url\":"
                + "\"https://sora.chatgpt.com/p/s_0123456789abcdef\"}}")));
        assertThat(probe.durationSeconds()).isGreaterThan(0);
    }

    @Test
    void pausedSoraSlugsAreRefusedAsKieAnswersThemNowWhileKlingIsServed() throws Exception {
        emulator.kieSoraPaused(true);

        HttpResponse<String> paused = post("{\"model\":\"sora-2-text-to-video\",\"input\":{\"prompt\":\"a fox\"}}");

        assertThat(paused.statusCode()).isEqualTo(422);
        assertThat(TestClient.JSON.readTree(paused.body()).path("code").asInt()).isEqualTo(422);
        assertThat(message(paused)).isEqualTo("This interface is temporarily paused");
        assertThat(emulator.jobCount()).isZero();
        create("{\"model\":\"kling-3.0/video\",\"input\":{\"prompt\":\"a fox\"}}");
    }

    @Test
    void theCommandLineSwitchAnswersSoraAsPaused() throws Exception {
        try (VideoEmulator paused = EmulatorMain.parse(new String[] {"--kie-sora-paused"}, System.out).start()) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(paused.kieBaseUrl()
                    + "/api/v1/jobs/createTask")).header("Authorization", "Bearer any")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"sora-2-pro-storyboard\",\"input\":{}}")));
            assertThat(message(answer)).contains("temporarily paused");
        }
    }

    private Mp4Probe finish(String taskId) throws Exception {
        clock.advance(Duration.ofSeconds(11));
        JsonNode done = record(taskId);
        assertThat(done.path("state").asText()).isEqualTo("success");
        String url = TestClient.JSON.readTree(done.path("resultJson").asText()).path("resultUrls").get(0).asText();
        HttpResponse<Path> mp4 = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve(taskId + ".mp4")));
        assertThat(mp4.statusCode()).isEqualTo(200);
        return Mp4Probe.of(mp4.body());
    }

    private static String taskId(JsonNode created) {
        return created.path("data").path("taskId").asText();
    }

    private static String message(HttpResponse<String> response) throws IOException {
        return TestClient.JSON.readTree(response.body()).path("msg").asText();
    }

    private JsonNode create(String json) throws Exception {
        HttpResponse<String> response = post(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String json) throws Exception {
        return send(authorized("/api/v1/jobs/createTask").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode record(String taskId) throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/jobs/recordInfo?taskId=" + taskId).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body()).path("data");
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.kieBaseUrl() + path)).header("Authorization",
                "Bearer kie-key-1");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
