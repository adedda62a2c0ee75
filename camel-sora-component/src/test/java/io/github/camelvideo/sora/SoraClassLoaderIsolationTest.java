package io.github.camelvideo.sora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.testing.IsolatedJvm;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * A whole {@code sora:textToVideo} exchange, download and probe included, works when Camel and the component are
 * loaded by a child class loader and the system class path cannot see their resources, as in a Spring Boot
 * executable jar or under Camel JBang's {@code --dep}. The emulator runs in the test's JVM.
 */
class SoraClassLoaderIsolationTest {

    @TempDir
    Path dir;

    @Test
    void generatesAndDownloadsAVideoInsideAChildClassLoader() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).pollAfterMs(50).start()) {

            IsolatedJvm.Result run = IsolatedJvm.run(dir, IsolatedSoraRoute.class,
                    emulator.baseUrl(), SoraTestSupport.API_KEY, out.toString());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("loader isolated", "duration 4.0").doesNotContain(SoraTestSupport.API_KEY);
            assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        }
        Path video;
        try (var files = Files.list(out)) {
            video = files.filter(f -> f.toString().endsWith(".mp4")).findFirst().orElseThrow();
        }
        Mp4Info info = Mp4Probe.probe(video);
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
    }
}
