package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code videoFile} serves one given file as every video, whatever was asked, and leaves the file in place. */
class ServedVideoFileTest {

    @TempDir
    Path dir;

    @Test
    void everyVideosContentIsTheGivenFileWithRanges() throws Exception {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("given.mp4"), bytes);
        try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ZERO).videoFile(file).start()) {
            TestClient client = new TestClient(emulator);
            String id = client.create("{\"prompt\":\"large\",\"seconds\":\"4\",\"size\":\"720x1280\"}").get("id")
                    .asText();

            HttpResponse<byte[]> whole = client.getBytes("/videos/" + id + "/content");
            HttpResponse<byte[]> tail = client.getBytes("/videos/" + id + "/content", "Range", "bytes=299990-");

            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.headers().firstValue("content-type")).hasValue("video/mp4");
            assertThat(whole.body()).isEqualTo(bytes);
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).hasSize(10);
        }
        assertThat(file).exists();
    }

    @Test
    void takenRequestsAreRemovedFromTheLog() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().start()) {
            TestClient client = new TestClient(emulator);
            String id = client.create("{\"prompt\":\"p\"}").get("id").asText();
            client.get("/videos/" + id);

            assertThat(emulator.takeRequests()).extracting(RecordedRequest::method).containsExactly("POST", "GET");
            assertThat(emulator.requests()).isEmpty();

            client.get("/videos/" + id);
            assertThat(emulator.takeRequests()).hasSize(1);
        }
    }
}
