package io.github.camelvideo.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mp4RendererTest {

    @ParameterizedTest
    @CsvSource({"720, 1280, 4", "1920, 1080, 8"})
    void durationAndSizeAreExactlyTheRequestedOnes(int width, int height, int seconds, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("video.mp4");

        Mp4Renderer.render(file, width, height, seconds);

        Mp4Probe probe = Mp4Probe.of(file);
        assertThat(probe.durationSeconds()).isEqualTo(seconds);
        assertThat(probe.width()).isEqualTo(width);
        assertThat(probe.height()).isEqualTo(height);
        byte[] head = Files.readAllBytes(file);
        assertThat(new String(head, 4, 4)).isEqualTo("ftyp");
    }

    @Test
    void framesAreSharedBetweenDurationsOfOneSize(@TempDir Path dir) throws Exception {
        FrameStore store = new FrameStore(320, 240);
        Mp4Renderer.render(dir.resolve("short.mp4"), store, 4);
        byte[] third = store.frame(3);

        Mp4Renderer.render(dir.resolve("long.mp4"), store, 8);

        assertThat(store.frame(3)).isSameAs(third);
        assertThat(Mp4Probe.of(dir.resolve("long.mp4")).durationSeconds()).isEqualTo(8.0);
    }

    @Test
    void rejectsUnsupportedDurationsAndSizes(@TempDir Path dir) {
        assertThatThrownBy(() -> Mp4Renderer.render(dir.resolve("a.mp4"), 320, 240, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mp4Renderer.render(dir.resolve("b.mp4"), 320, 240, 121))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameStore(321, 240)).isInstanceOf(IllegalArgumentException.class);
    }
}
