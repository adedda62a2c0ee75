package io.github.camelvideo.sora;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoStoryboardException;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.storyboard.Storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** sora:storyboard: one MP4 of many scenes, by extension chain or by stitching, with failures and resumption. */
class SoraStoryboardTest extends SoraTestSupport {

    static final String SIZE = "1280x720";

    static Storyboard threeScenes() {
        return Storyboard.builder()
                .style("Warm 35mm film")
                .scene("A lighthouse keeper climbs the stairs", 4)
                .scene("He opens the door to the lamp room", 8)
                .scene("The lamp turns as the sun rises", 4)
                .build();
    }

    @Test
    void extendModeChainsExtensionsIntoOneVideoOfTheTotalLength() throws Exception {
        Exchange result = send("sora:storyboard?storyboardMode=extend&size=" + SIZE, threeScenes());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(16.0, within(0.1));
        assertThat(Mp4Probe.probe(video.toPath()).size()).isEqualTo(SIZE);
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(emulator.requests("POST", "/v1/videos/extensions")).hasSize(2);
        assertThat(emulator.requests("POST", "/v1/videos/extensions").get(0).bodyAsString())
                .contains("\"seconds\":\"8\"").contains("Warm 35mm film");

        List<?> ids = result.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(ids.get(2));
        assertThat(result.getMessage().getHeader(SoraConstants.SECONDS)).isEqualTo(16);
        assertThat(result.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(16.0, within(0.1));
        assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("extend");
        assertThat(result.getMessage().getHeader(SoraConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("1.60"); // 16 s of sora-2 at 0.10 USD/s
        assertThat(video.getName()).isEqualTo("storyboard-" + ids.get(2) + ".mp4");
        assertThat(outputFiles()).containsExactly(video.toPath());
    }

    @Test
    void stitchModeGeneratesEachSceneFromThePreviousLastFrameAndJoinsThem() throws Exception {
        Exchange result = send("sora:storyboard?storyboardMode=stitch&size=" + SIZE, threeScenes());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(16.0, within(0.1));
        assertThat(emulator.requests("POST", "/v1/videos/extensions")).isEmpty();
        var creates = emulator.requests("POST", "/v1/videos");
        assertThat(creates).hasSize(3);
        assertThat(creates.get(0).header("Content-Type")).startsWith("application/json");
        assertThat(creates.get(1).header("Content-Type")).startsWith("multipart/form-data");
        assertThat(creates.get(2).bodyAsString()).contains("name=\"input_reference\"").contains("image/png");
        assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(result.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class)).hasSize(3);
        assertThat(result.getMessage().getHeader(SoraConstants.SECONDS)).isEqualTo(16);
        assertThat(outputFiles()).containsExactly(video.toPath());
    }

    @Test
    void autoModeStitchesWhenTheServerHasNoExtensions() throws Exception {
        emulator.extensionsEnabled(false);
        try {
            Exchange result = send("sora:storyboard?size=" + SIZE, threeScenes());

            assertThat(result.getException()).isNull();
            File video = result.getMessage().getBody(File.class);
            assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(16.0, within(0.1));
            assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("stitch");
            assertThat(emulator.requests("POST", "/v1/videos/extensions")).hasSize(1)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
            assertThat(emulator.requests("POST", "/v1/videos")).as("the first scene is kept, not made again")
                    .hasSize(3);
            assertThat(outputFiles()).containsExactly(video.toPath());
        } finally {
            emulator.extensionsEnabled(true);
        }
    }

    @Test
    void autoModeExtendsWhereTheServerCan() {
        Exchange result = send("sora:storyboard?size=" + SIZE, threeScenes());
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("extend");
        assertThat(emulator.requests("POST", "/v1/videos/extensions")).hasSize(2);
    }

    @Test
    void jsonTextAndListsOfMapsAreStoryboardsToo() throws Exception {
        String json = Files.readString(Path.of("src/test/resources/storyboards/lighthouse.json"));
        Exchange fromJson = send("sora:storyboard?size=" + SIZE, json);
        assertThat(fromJson.getException()).isNull();
        assertThat(fromJson.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(12.0,
                within(0.1));
        assertThat(emulator.requests("POST", "/v1/videos").get(0).bodyAsString()).contains("Warm 35mm film");

        List<Map<String, Object>> scenes = List.of(Map.of("prompt", "A fox in the snow", "seconds", 4),
                Map.of("prompt", "The fox runs into the forest", "seconds", "4"));
        Exchange fromList = send("sora:storyboard?size=" + SIZE, scenes);
        assertThat(fromList.getException()).isNull();
        assertThat(fromList.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(8.0,
                within(0.1));
    }

    @Test
    void aFirstFrameStartsTheFirstScene() {
        Storyboard board = Storyboard.builder().firstFrame(TestImages.png(1280, 720))
                .scene("The boat leaves the harbour", 4).scene("It sails into the fog", 4).build();
        Exchange result = send("sora:storyboard?size=" + SIZE, board);
        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", "/v1/videos").get(0).header("Content-Type"))
                .startsWith("multipart/form-data");
    }

    @Test
    void badStoryboardsAreRefusedBeforeAnythingIsSent() {
        assertInvalid(Storyboard.builder().build(), "sora:storyboard", "no scenes");
        assertInvalid(Storyboard.builder().scene("One", 4).scene("  ", 4).build(), "sora:storyboard",
                "Scene 2 has an empty prompt");
        assertInvalid(Storyboard.builder().scene("One", 4).scene("Two", 5).build(), "sora:storyboard",
                "Invalid seconds of scene 2: '5'. Allowed: 4, 8, 12, 16, 20");
        assertInvalid(Storyboard.builder().scene("One", 7).build(), "sora:storyboard?storyboardMode=stitch",
                "Invalid seconds of scene 1: '7'");
        Storyboard.Builder many = Storyboard.builder();
        for (int i = 1; i <= 8; i++) {
            many.scene("Scene " + i, 4);
        }
        assertInvalid(many.build(), "sora:storyboard?storyboardMode=extend",
                "8 scenes need 7 extensions, and a video can be extended at most 6 times");
        assertInvalid(Storyboard.builder().scene("One", 20).scene("Two", 20).scene("Three", 20).scene("Four", 20)
                .scene("Five", 20).scene("Six", 20).scene("Seven", 4).build(), "sora:storyboard?storyboardMode=extend",
                "lasts 124 seconds in all");
        assertInvalid("not json", "sora:storyboard", "not JSON");
        assertInvalid(List.of(Map.of("prompt", "One", "second", 4)), "sora:storyboard",
                "Scene 1 has an unknown field 'second'");
        assertThat(failureOf(send("sora:storyboard", Storyboard.builder().scene("One", 4).build(),
                SoraConstants.STORYBOARD_MODE, "sideways"))).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessage("Invalid storyboardMode: 'sideways'. Allowed: auto, extend, stitch");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void autoModeStitchesScenesLongerThanTheChainAllows() {
        Storyboard.Builder many = Storyboard.builder();
        for (int i = 1; i <= 8; i++) {
            many.scene("Scene " + i, 4);
        }
        Exchange result = send("sora:storyboard?size=" + SIZE, many.build());
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(result.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(32.0,
                within(0.1));
    }

    @Test
    void aFailedSceneNamesItselfKeepsTheCompletedScenesAndLeavesNothingBehind() throws Exception {
        emulator.faults().succeedJobs(1).failJobs(1, "moderation_blocked", "Blocked by moderation.");

        Exchange result = send("sora:storyboard?storyboardMode=extend&size=" + SIZE, threeScenes());

        Throwable e = failureOf(result);
        assertThat(e).isInstanceOf(VideoStoryboardException.class)
                .hasMessageStartingWith("Storyboard scene 2 of 3 failed")
                .hasMessageContaining("moderation_blocked")
                .hasCauseInstanceOf(VideoContentPolicyException.class);
        VideoStoryboardException failure = (VideoStoryboardException) e;
        assertThat(failure.getScene()).isEqualTo(2);
        List<Object> completed = result.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class);
        assertThat(completed).hasSize(1).containsExactlyElementsOf(failure.getCompletedJobIds());
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(failure.getJobId())
                .isNotEqualTo(completed.get(0));
        assertThat(outputFiles()).isEmpty();
    }

    @Test
    void aSecondAttemptWithTheSameKeyReusesTheCompletedScenes() throws Exception {
        emulator.faults().rateLimit("POST", "/v1/videos/extensions", 10, 0);
        Exchange first = send("sora:storyboard?storyboardMode=extend&size=" + SIZE, threeScenes(),
                SoraConstants.IDEMPOTENCY_KEY, "lighthouse-1");
        assertThat(failureOf(first)).isInstanceOf(VideoStoryboardException.class)
                .hasCauseInstanceOf(VideoRateLimitedException.class);
        String sceneOne = (String) first.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class).get(0);
        emulator.faults().reset();

        Exchange second = send("sora:storyboard?storyboardMode=extend&size=" + SIZE, threeScenes(),
                SoraConstants.IDEMPOTENCY_KEY, "lighthouse-1");

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class).get(0))
                .isEqualTo(sceneOne);
        assertThat(emulator.requests("POST", "/v1/videos")).as("scene 1 was paid for once").hasSize(1);
        assertThat(second.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(16.0,
                within(0.1));
    }

    @Test
    void aSecondStitchedAttemptReusesTheCompletedScenes() throws Exception {
        emulator.faults().succeedJobs(2).failJobs(1, "internal_error", "The render failed.");
        Exchange first = send("sora:storyboard?storyboardMode=stitch&size=" + SIZE, threeScenes(),
                SoraConstants.IDEMPOTENCY_KEY, "lighthouse-2");
        assertThat(failureOf(first)).isInstanceOf(VideoStoryboardException.class)
                .hasMessageStartingWith("Storyboard scene 3 of 3 failed");
        assertThat(first.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class)).hasSize(2);
        assertThat(outputFiles()).isEmpty();

        Exchange second = send("sora:storyboard?storyboardMode=stitch&size=" + SIZE, threeScenes(),
                SoraConstants.IDEMPOTENCY_KEY, "lighthouse-2");

        assertThat(second.getException()).isNull();
        assertThat(emulator.requests("POST", "/v1/videos")).as("scenes 1 and 2 were paid for once").hasSize(4);
        assertThat(second.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(16.0,
                within(0.1));
    }

    private void assertInvalid(Object body, String uri, String message) {
        assertThat(failureOf(send(uri + (uri.contains("?") ? "&" : "?") + "size=" + SIZE, body)))
                .isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining(message);
    }
}
