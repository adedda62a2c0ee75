package io.github.camelvideo.veo;

import java.io.File;
import java.math.BigDecimal;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoStoryboardException;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** veo:storyboard on the Gemini API and Vertex AI: extension chain, stitching, failures and resumption. */
class VeoStoryboardTest extends VeoTestSupport {

    static final String GEMINI_PREDICT = "/v1beta/models/[^/]+:predictLongRunning";
    static final String VERTEX_PREDICT = "/v1/projects/.+:predictLongRunning";

    /** Veo 3.1 extensions add 7 s each: 8 + 7 + 7. */
    static Storyboard chainable() {
        return Storyboard.builder()
                .style("Watercolour animation")
                .scene("A paper crane unfolds on a desk", 8)
                .scene("It flies out of the open window", 7)
                .scene("It glides over the rooftops at dusk")
                .build();
    }

    /** Lengths only separate generations make: 4 + 6 + 8. */
    static Storyboard separateScenes() {
        return Storyboard.builder()
                .scene("A paper crane unfolds on a desk", 4)
                .scene("It flies out of the open window", 6)
                .scene("It glides over the rooftops at dusk", 8)
                .build();
    }

    @Test
    void geminiExtendModeChainsExtensionsIntoOneVideo() throws Exception {
        Exchange result = send("veo:storyboard?storyboardMode=extend", chainable());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(22.0, within(0.1));
        List<RecordedRequest> predicts = emulator.requests("POST", GEMINI_PREDICT);
        assertThat(predicts).hasSize(3);
        assertThat(predicts.get(0).bodyAsString()).doesNotContain("\"video\"").contains("Watercolour animation");
        assertThat(predicts.get(1).bodyAsString()).contains("\"video\"").contains("\"uri\"")
                .doesNotContain("durationSeconds");
        List<?> names = result.getMessage().getHeader(VeoConstants.SCENE_OPERATION_NAMES, List.class);
        assertThat(names).hasSize(3).doesNotHaveDuplicates();
        assertThat(result.getMessage().getHeader(VeoConstants.OPERATION_NAME)).isEqualTo(names.get(2));
        assertThat(result.getMessage().getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("extend");
        assertThat(result.getMessage().getHeader(VeoConstants.DURATION, Double.class)).isCloseTo(22.0, within(0.1));
        assertThat(result.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("8.80"); // 22 s at 0.40 USD/s
        assertThat(outputFiles()).containsExactly(video.toPath());
    }

    @Test
    void vertexExtendModeSendsEachInlineResultBack() throws Exception {
        Exchange result = send("vertex:storyboard?storyboardMode=extend", chainable());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(22.0, within(0.1));
        List<RecordedRequest> predicts = emulator.requests("POST", VERTEX_PREDICT);
        assertThat(predicts).hasSize(3);
        assertThat(predicts.get(2).bodyAsString()).contains("\"video\"").contains("bytesBase64Encoded");
        assertThat(outputFiles()).containsExactly(video.toPath());
    }

    @Test
    void geminiStitchModeJoinsSeparateScenes() throws Exception {
        Exchange result = send("veo:storyboard?storyboardMode=stitch", separateScenes());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(18.0, within(0.1));
        List<RecordedRequest> predicts = emulator.requests("POST", GEMINI_PREDICT);
        assertThat(predicts).hasSize(3);
        assertThat(predicts.get(0).bodyAsString()).doesNotContain("\"image\"");
        assertThat(predicts.get(1).bodyAsString()).contains("\"image\"").contains("image/png")
                .doesNotContain("\"video\"");
        assertThat(result.getMessage().getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(outputFiles()).containsExactly(video.toPath());
    }

    @Test
    void vertexStitchModeJoinsSeparateScenes() throws Exception {
        Exchange result = send("vertex:storyboard?storyboardMode=stitch", separateScenes());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(18.0, within(0.1));
        assertThat(emulator.requests("POST", VERTEX_PREDICT)).hasSize(3);
    }

    @Test
    void autoModeExtendsWhenTheLengthsFitAndStitchesWhenTheyDoNot() {
        Exchange chained = send("veo:storyboard", chainable());
        assertThat(chained.getException()).isNull();
        assertThat(chained.getMessage().getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("extend");

        Exchange stitched = send("veo:storyboard", separateScenes());
        assertThat(stitched.getException()).isNull();
        assertThat(stitched.getMessage().getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("stitch");
    }

    @Test
    void autoModeStitchesWhenTheModelHasNoExtensions() throws Exception {
        emulator.extensionsEnabled(false);
        try {
            Storyboard sevenSeconds = Storyboard.builder().scene("A crane unfolds", 8).scene("It flies away", 7)
                    .build();
            Exchange failed = send("veo:storyboard", sevenSeconds);
            assertThat(failureOf(failed)).isInstanceOf(VideoStoryboardException.class)
                    .hasMessageContaining("no video extensions")
                    .hasMessageContaining("Invalid seconds of scene 2: '7'. Allowed: 4, 6, 8");
            assertThat(failed.getMessage().getHeader(VeoConstants.SCENE_OPERATION_NAMES, List.class)).hasSize(1);
            emulator.clearRequests();

            // a scene without a length is an extension's 7 s when chained and Veo's default 8 s when separate
            Storyboard defaults = Storyboard.builder().scene("A crane unfolds", 8).scene("It flies away").build();
            Exchange result = send("vertex:storyboard", defaults);

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("stitch");
            assertThat(result.getMessage().getHeader(VeoConstants.DURATION, Double.class)).isCloseTo(16.0,
                    within(0.1));
            assertThat(emulator.requests("POST", VERTEX_PREDICT)).extracting(RecordedRequest::status)
                    .containsExactly(200, 400, 200);
        } finally {
            emulator.extensionsEnabled(true);
        }
    }

    @Test
    void lengthsAnExtensionCannotMakeAreRefusedSayingWhy() {
        Storyboard board = Storyboard.builder().scene("One", 8).scene("Two", 8).build();
        assertThat(failureOf(send("veo:storyboard?storyboardMode=extend", board)))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("Invalid seconds of scene 2: '8'. Allowed: 7 (each Veo extension adds exactly"
                                      + " 7 seconds)");
        assertThat(failureOf(send("veo:storyboard", Storyboard.builder().scene("One", 8).scene("Two", 5).build())))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("Allowed: 7 (each Veo extension adds exactly 7 seconds)")
                .hasMessageContaining("Allowed: 4, 6, 8");
        assertThat(failureOf(send("veo:storyboard?storyboardMode=extend&resolution=1080p", chainable())))
                .isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining("720p");
        Storyboard.Builder long_ = Storyboard.builder().scene("Start", 8);
        for (int i = 0; i < 21; i++) {
            long_.scene("More " + i, 7);
        }
        assertThat(failureOf(send("veo:storyboard?storyboardMode=extend", long_.build())))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("a video can be extended at most 20 times");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void aFilteredSceneFailsTheStoryboardAndASecondAttemptReusesTheFirstScene() throws Exception {
        emulator.faults().succeedJobs(1).filterJobs(1, List.of("Celebrity likeness"));
        Exchange first = send("veo:storyboard?storyboardMode=extend", chainable(),
                VeoConstants.IDEMPOTENCY_KEY, "crane-1");
        Throwable e = failureOf(first);
        assertThat(e).isInstanceOf(VideoStoryboardException.class)
                .hasMessageStartingWith("Storyboard scene 2 of 3 failed")
                .hasCauseInstanceOf(VideoContentPolicyException.class);
        List<?> completed = first.getMessage().getHeader(VeoConstants.SCENE_OPERATION_NAMES, List.class);
        assertThat(completed).hasSize(1);
        assertThat(outputFiles()).isEmpty();

        Exchange second = send("veo:storyboard?storyboardMode=extend", chainable(),
                VeoConstants.IDEMPOTENCY_KEY, "crane-1");

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(VeoConstants.SCENE_OPERATION_NAMES, List.class).get(0))
                .isEqualTo(completed.get(0));
        List<RecordedRequest> predicts = emulator.requests("POST", GEMINI_PREDICT);
        assertThat(predicts).as("scene 1 once, scene 2 twice, scene 3 once").hasSize(4);
        assertThat(predicts.stream().filter(r -> !r.bodyAsString().contains("\"video\""))).hasSize(1);
    }
}
