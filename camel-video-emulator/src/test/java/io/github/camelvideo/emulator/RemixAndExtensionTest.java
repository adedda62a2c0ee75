package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import io.github.camelvideo.emulator.media.Mp4Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemixAndExtensionTest {

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

    private String completedVideo(String json) {
        String id = client.create(json).get("id").asText();
        clock.advance(Duration.ofSeconds(5));
        return id;
    }

    @Test
    void remixKeepsModelSizeAndSecondsAndPointsToTheSource() {
        String source = completedVideo("{\"prompt\":\"a cat\",\"model\":\"sora-2-pro\",\"size\":\"1792x1024\",\"seconds\":\"8\"}");

        HttpResponse<String> response = client.postJson("/videos/" + source + "/remix", "{\"prompt\":\"a dog\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode remix = TestClient.json(response);
        assertThat(remix.get("id").asText()).isNotEqualTo(source);
        assertThat(remix.get("status").asText()).isEqualTo("queued");
        assertThat(remix.get("remixed_from_video_id").asText()).isEqualTo(source);
        assertThat(remix.get("prompt").asText()).isEqualTo("a dog");
        assertThat(remix.get("model").asText()).isEqualTo("sora-2-pro");
        assertThat(remix.get("size").asText()).isEqualTo("1792x1024");
        assertThat(remix.get("seconds").asText()).isEqualTo("8");
    }

    @Test
    void remixAcceptsMultipart() {
        String source = completedVideo("{\"prompt\":\"a cat\"}");

        HttpResponse<String> response = client.postMultipart("/videos/" + source + "/remix", Map.of("prompt", "a dog"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(response).get("remixed_from_video_id").asText()).isEqualTo(source);
    }

    @Test
    void remixNeedsACompletedSource() {
        String source = client.create("{\"prompt\":\"a cat\"}").get("id").asText();

        HttpResponse<String> early = client.postJson("/videos/" + source + "/remix", "{\"prompt\":\"a dog\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(early).at("/error/type").asText()).isEqualTo("invalid_request_error");

        assertThat(client.postJson("/videos/video_unknown/remix", "{\"prompt\":\"a dog\"}").statusCode()).isEqualTo(404);
        assertThat(client.postJson("/videos/" + source + "/remix", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void extensionSecondsIsTheStitchedTotalAndTheMp4LastsThatLong(@TempDir Path dir) throws Exception {
        String source = completedVideo("{\"prompt\":\"a cat\",\"size\":\"1280x720\",\"seconds\":\"4\"}");

        HttpResponse<String> response = client.postJson("/videos/extensions",
                "{\"prompt\":\"the cat jumps\",\"seconds\":\"8\",\"video\":{\"id\":\"" + source + "\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode extension = TestClient.json(response);
        assertThat(extension.get("seconds").isTextual()).isTrue();
        assertThat(extension.get("seconds").asText()).isEqualTo("12");
        assertThat(extension.get("size").asText()).isEqualTo("1280x720");
        assertThat(extension.get("remixed_from_video_id").isNull()).isTrue();

        clock.advance(Duration.ofSeconds(5));
        HttpResponse<byte[]> mp4 = client.getBytes("/videos/" + extension.get("id").asText() + "/content");
        assertThat(mp4.statusCode()).isEqualTo(200);
        Mp4Probe probe = Mp4Probe.of(Files.write(dir.resolve("extended.mp4"), mp4.body()));
        assertThat(probe.durationSeconds()).isEqualTo(12.0);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
    }

    @Test
    void extensionContentIsTheSourcesContentFollowedByTheNewSeconds(@TempDir Path dir) {
        String source = completedVideo("{\"prompt\":\"a cat\",\"size\":\"1280x720\",\"seconds\":\"4\"}");
        String extension = extended(source, "8");

        Mp4Samples sourceSamples = Mp4Samples.of(content(source), dir);
        Mp4Samples extensionSamples = Mp4Samples.of(content(extension), dir);

        assertThat(extensionSamples.durationSeconds()).isEqualTo(12.0);
        assertThat(extensionSamples.count()).isEqualTo(3 * sourceSamples.count());
        assertThat(extensionSamples.digests(0, sourceSamples.count())).isEqualTo(sourceSamples.digests());
        assertThat(extensionSamples.descriptions()).isEqualTo(1);
    }

    @Test
    void aChainOfExtensionsGrowsFromEachSourcesContent(@TempDir Path dir) throws Exception {
        String source = completedVideo("{\"prompt\":\"a cat\",\"seconds\":\"4\"}");
        String once = extended(source, "4");
        String twice = extended(once, "8");

        Mp4Samples onceSamples = Mp4Samples.of(content(once), dir);
        byte[] twiceContent = content(twice);
        Mp4Samples twiceSamples = Mp4Samples.of(twiceContent, dir);

        assertThat(client.retrieve(twice).get("seconds").asText()).isEqualTo("16");
        assertThat(onceSamples.durationSeconds()).isEqualTo(8.0);
        assertThat(twiceSamples.durationSeconds()).isEqualTo(16.0);
        assertThat(Mp4Probe.of(Files.write(dir.resolve("twice.mp4"), twiceContent)).durationSeconds()).isEqualTo(16.0);
        assertThat(twiceSamples.digests(0, onceSamples.count())).isEqualTo(onceSamples.digests());
        assertThat(onceSamples.digests(0, 8)).isEqualTo(Mp4Samples.of(content(source), dir).digests());
    }

    @Test
    void anImageToVideoSourceIsExtendedFromItsContent(@TempDir Path dir) {
        String image = "data:image/png;base64," + GoogleTestClient.base64(GoogleTestClient.image("png"));
        String source = completedVideo("{\"prompt\":\"the kite rises\",\"seconds\":\"8\",\"input_reference\":"
                + "{\"image_url\":\"" + image + "\"}}");
        String extension = extended(source, "4");

        Mp4Samples sourceSamples = Mp4Samples.of(content(source), dir);
        Mp4Samples extensionSamples = Mp4Samples.of(content(extension), dir);

        assertThat(extensionSamples.durationSeconds()).isEqualTo(12.0);
        assertThat(extensionSamples.digests(0, sourceSamples.count())).isEqualTo(sourceSamples.digests());
    }

    @Test
    void anExtensionKeepsItsContentWhenTheSourceIsDeleted(@TempDir Path dir) {
        String source = completedVideo("{\"prompt\":\"a cat\",\"seconds\":\"4\"}");
        Mp4Samples sourceSamples = Mp4Samples.of(content(source), dir);
        String extension = TestClient.json(client.postJson("/videos/extensions",
                "{\"prompt\":\"more\",\"seconds\":\"4\",\"video\":{\"id\":\"" + source + "\"}}")).get("id").asText();

        assertThat(client.delete("/videos/" + source).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5));

        Mp4Samples extensionSamples = Mp4Samples.of(content(extension), dir);
        assertThat(extensionSamples.durationSeconds()).isEqualTo(8.0);
        assertThat(extensionSamples.digests(0, sourceSamples.count())).isEqualTo(sourceSamples.digests());
    }

    /** Extends a completed video by {@code seconds} and waits (on the clock) until the extension completes. */
    private String extended(String sourceId, String seconds) {
        HttpResponse<String> response = client.postJson("/videos/extensions",
                "{\"prompt\":\"and then\",\"seconds\":\"" + seconds + "\",\"video\":{\"id\":\"" + sourceId + "\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5));
        return TestClient.json(response).get("id").asText();
    }

    private byte[] content(String id) {
        HttpResponse<byte[]> response = client.getBytes("/videos/" + id + "/content?variant=video");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
        return response.body();
    }

    @Test
    void extensionAcceptsMultipartWithVideoIdField() {
        String source = completedVideo("{\"prompt\":\"a cat\",\"seconds\":\"8\"}");
        Map<String, Object> bracketed = new LinkedHashMap<>();
        bracketed.put("prompt", "more");
        bracketed.put("seconds", "4");
        bracketed.put("video[id]", source);
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("prompt", "more");
        plain.put("video", source);

        HttpResponse<String> first = client.postMultipart("/videos/extensions", bracketed);
        HttpResponse<String> second = client.postMultipart("/videos/extensions", plain);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(TestClient.json(first).get("seconds").asText()).isEqualTo("12");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(TestClient.json(second).get("seconds").asText()).isEqualTo("12"); // default "4" added
    }

    @Test
    void extensionIsValidated() {
        String source = completedVideo("{\"prompt\":\"a cat\"}");

        assertThat(TestClient.json(client.postJson("/videos/extensions", "{\"prompt\":\"p\",\"seconds\":\"4\"}"))
                .at("/error/param").asText()).isEqualTo("video");
        assertThat(TestClient.json(client.postJson("/videos/extensions",
                "{\"prompt\":\"p\",\"seconds\":4,\"video\":{\"id\":\"" + source + "\"}}")).at("/error/param").asText())
                .isEqualTo("seconds");
        assertThat(client.postJson("/videos/extensions", "{\"prompt\":\"p\",\"video\":{\"id\":\"video_none\"}}")
                .statusCode()).isEqualTo(404);

        String running = client.create("{\"prompt\":\"p\"}").get("id").asText();
        assertThat(client.postJson("/videos/extensions", "{\"prompt\":\"p\",\"video\":{\"id\":\"" + running + "\"}}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void extendedVideosAreLimitedTo120Seconds() {
        String id = completedVideo("{\"prompt\":\"p\",\"seconds\":\"20\"}");
        for (int i = 0; i < 5; i++) {
            id = TestClient.json(client.postJson("/videos/extensions",
                    "{\"prompt\":\"p\",\"seconds\":\"20\",\"video\":{\"id\":\"" + id + "\"}}")).get("id").asText();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(client.retrieve(id).get("seconds").asText()).isEqualTo("120");

        HttpResponse<String> tooLong = client.postJson("/videos/extensions",
                "{\"prompt\":\"p\",\"seconds\":\"4\",\"video\":{\"id\":\"" + id + "\"}}");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(TestClient.json(tooLong).at("/error/param").asText()).isEqualTo("seconds");
    }
}
