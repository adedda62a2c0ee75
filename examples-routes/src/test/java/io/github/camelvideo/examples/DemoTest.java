package io.github.camelvideo.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the demo's Java and YAML routes against the embedded emulator, as the demo command does. */
class DemoTest {

    @Test
    void demoMakesEveryVideoWithTheRequestedLengthAndSize(@TempDir Path output) throws Exception {
        List<DemoResult> results = new Demo(new Demo.Settings(output, null, null, Duration.ofMillis(500))).run();

        assertThat(results).hasSize(5).allMatch(DemoResult::ok);
        for (int i = 0; i < Demo.JOBS.size(); i++) {
            DemoJob job = Demo.JOBS.get(i);
            Mp4Info info = Mp4Probe.probe(output.resolve(results.get(i).file()));
            assertThat(info.durationSeconds()).isCloseTo(job.seconds(), within(0.5));
            assertThat(info.size()).isEqualTo(job.size());
        }
        assertThat(results.get(3).size()).isEqualTo("1280x720");
        assertThat(results.get(4).label()).isEqualTo("remix of the first");
        assertThat(results.get(4).costUsd()).as("priced once its length is known").isNotNull();
        try (var files = Files.list(output)) {
            assertThat(files.filter(p -> p.toString().endsWith(".mp4")).count()).isEqualTo(5);
        }
    }
}
