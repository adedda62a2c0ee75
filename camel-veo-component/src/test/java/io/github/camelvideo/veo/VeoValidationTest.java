package io.github.camelvideo.veo;

import java.awt.Color;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused before anything is sent (and so before anything is paid for), naming field and rule. */
class VeoValidationTest extends VeoTestSupport {

    @AfterEach
    void nothingWasSent() {
        assertThat(emulator.requests()).isEmpty();
    }

    private static VideoRequestInvalidException refused(Exchange result) {
        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class);
        return (VideoRequestInvalidException) failureOf(result);
    }

    @Test
    void durationMustBeOneTheModelFamilyMakes() {
        VideoRequestInvalidException e = refused(send("veo:textToVideo?durationSeconds=5", "A prompt"));
        assertThat(e.getField()).isEqualTo("durationSeconds");
        assertThat(e).hasMessageContaining("'5'").hasMessageContaining("4, 6, 8");

        assertThat(refused(send("veo:textToVideo", "A prompt", VeoConstants.DURATION_SECONDS, "eight")).getField())
                .isEqualTo("durationSeconds");
    }

    @Test
    void highResolutionsNeedTheFullLength() {
        VideoRequestInvalidException e = refused(send("veo:textToVideo?resolution=1080p&durationSeconds=4",
                "A prompt"));
        assertThat(e.getField()).isEqualTo("durationSeconds");
        assertThat(e).hasMessageContaining("resolution 1080p needs 8 seconds");
        assertThat(refused(send("vertex:textToVideo?resolution=4k&durationSeconds=6", "A prompt")).getField())
                .isEqualTo("durationSeconds");
        assertThat(refused(send("veo:textToVideo?resolution=8k", "A prompt")).getField()).isEqualTo("resolution");
    }

    @Test
    void referenceImagesAreAtMostThreeAndOnlyAtFullLength() {
        byte[] image = VeoImages.png(Color.RED);
        VideoRequestInvalidException tooMany = refused(send("veo:imageToVideo", image, VeoConstants.REFERENCE_IMAGES,
                List.of(image, image, image, image)));
        assertThat(tooMany.getField()).isEqualTo("referenceImages");
        assertThat(tooMany).hasMessageContaining("at most 3");

        VideoRequestInvalidException shortVideo = refused(send("veo:imageToVideo?durationSeconds=4", image,
                VeoConstants.REFERENCE_IMAGES, List.of(image)));
        assertThat(shortVideo).hasMessageContaining("reference images needs 8 seconds");
    }

    @Test
    void extensionsAre720p() {
        VideoRequestInvalidException e = refused(send("veo:extend?resolution=1080p", "More", VeoConstants.VIDEO_URI,
                "https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media"));
        assertThat(e.getField()).isEqualTo("resolution");
        assertThat(e).hasMessageContaining("720p");
    }

    @Test
    void extensionNeedsAVideoOfTheRightKind() {
        assertThat(refused(send("veo:extend", "More")).getField()).isEqualTo("video");
        assertThat(refused(send("veo:extend", "More", VeoConstants.VIDEO_URI, "gs://bucket/v.mp4")).getField())
                .isEqualTo("videoUri");
        assertThat(refused(send("vertex:extend", "More", VeoConstants.VIDEO_URI, "https://example.com/v.mp4"))
                .getField()).isEqualTo("videoUri");
    }

    @Test
    void aspectRatioAndPersonGenerationAreChecked() {
        assertThat(refused(send("veo:textToVideo?aspectRatio=4:3", "A prompt")).getField()).isEqualTo("aspectRatio");
        assertThat(refused(send("veo:textToVideo?personGeneration=everyone", "A prompt")).getField())
                .isEqualTo("personGeneration");
    }

    @Test
    void vertexOnlyParametersAreRefusedOnTheGeminiApi() {
        for (String option : List.of("seed=1", "generateAudio=true", "storageUri=gs://b/p")) {
            VideoRequestInvalidException e = refused(send("veo:textToVideo?" + option, "A prompt"));
            assertThat(e).hasMessageContaining("provider=vertex");
            assertThat(option).startsWith(e.getField());
        }
        assertThat(refused(send("vertex:textToVideo?storageUri=s3://bucket/x", "A prompt")).getField())
                .isEqualTo("storageUri");
    }

    @Test
    void promptAndImagesMustBeThere() {
        assertThat(refused(send("veo:textToVideo", null)).getField()).isEqualTo("prompt");
        assertThat(refused(send("veo:imageToVideo", null)).getField()).isEqualTo("image");
        assertThat(refused(send("veo:imageToVideo", "not an image".getBytes())).getField()).isEqualTo("image");
        assertThat(refused(send("veo:imageToVideo", VeoImages.png(Color.RED), VeoConstants.LAST_FRAME, "text"))
                .getField()).isEqualTo("lastFrame");
        assertThat(refused(send("veo:getOperation", null)).getField()).isEqualTo("operationName");
    }

    @Test
    void unknownModelsAreNotHeldToRulesThatCannotBeKnown() {
        // no rules are known for this model: 5 seconds is for the provider to judge, so the request goes out
        Exchange result = send("veo:textToVideo?model=imagen-video-x&durationSeconds=5", "A prompt");
        assertThat(failureOf(result)).hasMessageContaining("NOT_FOUND");
        assertThat(emulator.requests("POST", "/v1beta/models/imagen-video-x:predictLongRunning")).hasSize(1);
        emulator.clearRequests();
    }

    @Test
    void pushCompletionIsRefusedUntilVeoProvidersPush() {
        assertThat(startFailure("veo:textToVideo?webhookPath=/webhooks/veo&webhookSecret=s").getMessage())
                .contains("webhookPath", "no push completion");
    }
}
