package io.github.camelvideo.examples;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the demo's Java and YAML routes against the embedded emulator, as the demo command does. */
class DemoTest {

    @TempDir
    static Path output;
    private static List<DemoResult> results;

    @BeforeAll
    static void runDemo() throws Exception {
        results = new Demo(Demo.Settings.emulated(output, Duration.ofMillis(500))).run();
    }

    @Test
    void demoMakesEveryVideoWithTheRequestedLengthAndSize() throws Exception {
        assertThat(results).hasSize(12).allMatch(DemoResult::ok);
        for (int i = 0; i < Demo.JOBS.size(); i++) {
            assertVideo(results.get(i), Demo.JOBS.get(i));
        }
        assertThat(results.get(3).size()).isEqualTo("1280x720");
        assertThat(results.get(4).label()).isEqualTo("sora remix (Java)");
        assertThat(results.get(4).costUsd()).as("priced once its length is known").isNotNull();
        try (var files = Files.list(output)) {
            assertThat(files.filter(p -> p.toString().endsWith(".mp4")).count()).isEqualTo(12);
        }
    }

    @Test
    void demoMakesTheVeoVideosFromTextAndFromAFirstAndALastFrame() throws Exception {
        DemoResult text = results.get(5);
        DemoResult frames = results.get(6);
        assertThat(text.label()).isEqualTo("veo text (YAML)");
        assertThat(frames.label()).isEqualTo("veo first+last frame (Java)");
        assertVideo(text, Demo.VEO_JOBS.get(0));
        assertVideo(frames, Demo.VEO_JOBS.get(1));
        assertThat(Demo.VEO_JOBS.get(0).size()).as("720p 16:9").isEqualTo("1280x720");
        assertThat(Demo.VEO_JOBS.get(1).size()).as("720p 9:16").isEqualTo("720x1280");
        assertThat(text.videoId()).startsWith("models/");
        assertThat(text.costUsd()).isEqualByComparingTo(new BigDecimal("1.60"));
        assertThat(frames.costUsd()).isEqualByComparingTo(new BigDecimal("3.20"));
    }

    @Test
    void demoRendersOneStoryboardPerComponent() throws Exception {
        DemoResult sora = results.get(7);
        DemoResult veo = results.get(8);
        assertThat(sora.label()).isEqualTo("sora storyboard (Java)");
        assertThat(veo.label()).isEqualTo("veo storyboard (YAML)");
        assertThat(sora.ok()).as(sora.error()).isTrue();
        assertThat(veo.ok()).as(veo.error()).isTrue();
        assertThat(Mp4Probe.probe(output.resolve(sora.file())).durationSeconds()).isCloseTo(12.0, within(0.1));
        assertThat(Mp4Probe.probe(output.resolve(veo.file())).durationSeconds())
                .isCloseTo(Demo.VEO_STORYBOARD_SECONDS, within(0.1));
        assertThat(sora.file()).startsWith("storyboard-");
        assertThat(sora.costUsd()).isEqualByComparingTo(new BigDecimal("1.20"));
        assertThat(veo.costUsd()).isEqualByComparingTo(new BigDecimal("7.20"));
    }

    @Test
    void demoMakesTheKlingVideoThroughFalsQueue() throws Exception {
        DemoResult kling = results.get(9);
        assertThat(kling.label()).isEqualTo("kling text (Java)");
        assertVideo(kling, Demo.KLING_JOB);
        // 5 s of kling-v3 std with sound (its default) at 0.126 USD/s
        assertThat(kling.costUsd()).isEqualByComparingTo(new BigDecimal("0.63"));
    }

    @Test
    void demoRendersTheKlingStoryboardAsOneMultiShotTaskOnKlingsOwnApi() throws Exception {
        DemoResult kling = results.get(10);
        assertThat(kling.label()).isEqualTo("kling storyboard (YAML)");
        assertThat(kling.ok()).as(kling.error()).isTrue();
        assertThat(kling.mode()).as("one task of Kling's own API").isEqualTo("multiShot");
        assertThat(Mp4Probe.probe(output.resolve(kling.file())).durationSeconds())
                .isCloseTo(Demo.KLING_STORYBOARD_SECONDS, within(0.2));
        assertThat(Mp4Probe.probe(output.resolve(kling.file())).size()).isEqualTo("1280x720");
        // 10 s of kling-v3 std without sound at 0.084 USD/s
        assertThat(kling.costUsd()).isEqualByComparingTo(new BigDecimal("0.84"));
    }

    @Test
    void demoMakesTheVeoVideoThroughKiesVeoApi() throws Exception {
        DemoResult kie = results.get(11);
        assertThat(kie.label()).isEqualTo("veo text through Kie (Java)");
        assertVideo(kie, Demo.VEO_KIE_JOB);
        assertThat(kie.videoId()).as("Kie's task id").isNotBlank().doesNotStartWith("models/");
        // one 8 s video of veo3_fast at Kie's 0.30 USD
        assertThat(kie.costUsd()).isEqualByComparingTo(new BigDecimal("0.30"));
    }

    private static void assertVideo(DemoResult result, DemoJob job) throws Exception {
        assertThat(result.ok()).as("%s: %s", result.label(), result.error()).isTrue();
        Path file = output.resolve(result.file());
        assertThat(file).exists();
        Mp4Info info = Mp4Probe.probe(file);
        assertThat(info.durationSeconds()).as(result.label()).isCloseTo(job.seconds(), within(0.5));
        assertThat(info.size()).as(result.label()).isEqualTo(job.size());
        assertThat(result.size()).isEqualTo(job.size());
    }
}
