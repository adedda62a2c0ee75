package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.github.camelvideo.emulator.media.Mp4Probe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTest {

    private static VideoEmulator emulator;
    private static TestClient client;
    private static String videoId;

    @BeforeAll
    static void start() throws Exception {
        // Zero duration: jobs are completed as soon as they are created.
        emulator = VideoEmulator.builder().jobDuration(Duration.ZERO).start();
        client = new TestClient(emulator);
        videoId = client.create("{\"prompt\":\"p\",\"size\":\"1280x720\",\"seconds\":\"4\"}").get("id").asText();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void downloadsTheWholeMp4WithLengthAndRangeSupport(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> response = client.getBytes("/videos/" + videoId + "/content");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(response.body().length);
        assertThat(response.headers().firstValue("accept-ranges")).hasValue("bytes");
        Path file = Files.write(dir.resolve("video.mp4"), response.body());
        Mp4Probe probe = Mp4Probe.of(file);
        assertThat(probe.durationSeconds()).isEqualTo(4.0);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
    }

    @Test
    void variantVideoIsTheDefault() {
        byte[] implicit = client.getBytes("/videos/" + videoId + "/content").body();
        byte[] explicit = client.getBytes("/videos/" + videoId + "/content?variant=video").body();

        assertThat(explicit).isEqualTo(implicit);
    }

    @Test
    void rangeRequestsGetPartialContent() {
        byte[] full = client.getBytes("/videos/" + videoId + "/content").body();

        HttpResponse<byte[]> tail = client.getBytes("/videos/" + videoId + "/content", "Range", "bytes=1000-");

        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("content-range")).hasValue("bytes 1000-" + (full.length - 1) + "/" + full.length);
        assertThat(tail.headers().firstValueAsLong("content-length")).hasValue(full.length - 1000);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(full, 1000, full.length));

        HttpResponse<byte[]> middle = client.getBytes("/videos/" + videoId + "/content", "Range", "bytes=10-19");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(full, 10, 20));

        HttpResponse<byte[]> beyond = client.getBytes("/videos/" + videoId + "/content", "Range",
                "bytes=" + full.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("content-range")).hasValue("bytes */" + full.length);
    }

    @Test
    void thumbnailIsWebp() {
        HttpResponse<byte[]> response = client.getBytes("/videos/" + videoId + "/content?variant=thumbnail");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/webp");
        byte[] body = response.body();
        assertThat(new String(body, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(body, 8, 8)).isEqualTo("WEBPVP8L");
    }

    @Test
    void spritesheetIsJpeg() {
        HttpResponse<byte[]> response = client.getBytes("/videos/" + videoId + "/content?variant=spritesheet");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
        byte[] body = response.body();
        assertThat(body[0] & 0xff).isEqualTo(0xff);
        assertThat(body[1] & 0xff).isEqualTo(0xd8);
        assertThat(body[2] & 0xff).isEqualTo(0xff);
    }

    @Test
    void unknownVariantIsRejected() {
        HttpResponse<byte[]> response = client.getBytes("/videos/" + videoId + "/content?variant=gif");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body())).contains("\"param\":\"variant\"");
    }

    @Test
    void unfinishedVideosHaveNoContent() throws Exception {
        try (VideoEmulator slow = VideoEmulator.builder().jobDuration(Duration.ofHours(1)).start()) {
            TestClient slowClient = new TestClient(slow);
            String id = slowClient.create("{\"prompt\":\"p\"}").get("id").asText();

            HttpResponse<byte[]> response = slowClient.getBytes("/videos/" + id + "/content");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(new String(response.body())).contains("not ready");
        }
    }

    @Test
    void contentOfAnUnknownVideoIs404() {
        assertThat(client.getBytes("/videos/video_nope/content").statusCode()).isEqualTo(404);
    }
}
