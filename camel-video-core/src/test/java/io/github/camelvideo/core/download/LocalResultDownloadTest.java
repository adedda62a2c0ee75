package io.github.camelvideo.core.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.error.VideoDownloadException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.spi.DownloadSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results that came inline are already on disk: the download moves them into place and checks them. */
class LocalResultDownloadTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final VideoDownloader downloader = new VideoDownloader(
            new HttpTransport(executor, 4, Duration.ofSeconds(2), Duration.ofSeconds(5)), 1);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void refusesAFileThatIsNotAVideoAndLeavesNothingAtTheDestination() throws IOException {
        Path spooled = dir.resolve(".inline.part");
        Files.writeString(spooled, "{\"error\":\"not a video\"}");
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> downloader.download(DownloadSource.ofFile(spooled), out, null, "job", true, "vertex",
                "op-1").toCompletableFuture().join())
                .hasCauseInstanceOf(VideoDownloadException.class)
                .hasMessageContaining("not an MP4 video");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aLocalSourceIsRecognised() {
        assertThat(DownloadSource.ofFile(dir.resolve("x")).isLocalFile()).isTrue();
        assertThat(new DownloadSource(java.net.URI.create("https://example.com/v.mp4"), null, true).isLocalFile())
                .isFalse();
    }
}
