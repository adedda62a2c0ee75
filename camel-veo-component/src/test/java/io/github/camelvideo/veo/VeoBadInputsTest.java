package io.github.camelvideo.veo;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs that used to get through to a paid create, or fail with an untyped error: each is refused with a
 * {@link VideoRequestInvalidException} naming the option or header and the value, and nothing is sent.
 */
class VeoBadInputsTest extends VeoTestSupport {

    @AfterEach
    void nothingWasSent() {
        assertThat(emulator.requests()).as("requests to the provider").isEmpty();
    }

    @Test
    void aTruncatedImageIsRefusedWhereverItIsGiven() {
        byte[] whole = VeoImages.png(Color.RED);
        byte[] cut = Arrays.copyOf(whole, whole.length - 5);
        VideoRequestInvalidException first = refused(send("veo:imageToVideo", cut));
        assertThat(first.getField()).isEqualTo("image");
        assertThat(first).hasMessageContaining("not a whole PNG image");

        assertThat(refused(send("veo:imageToVideo", whole, VeoConstants.LAST_FRAME, cut)).getField())
                .isEqualTo("lastFrame");
        assertThat(refused(send("veo:imageToVideo", whole, VeoConstants.REFERENCE_IMAGES, List.of(whole, cut)))
                .getField()).isEqualTo("referenceImages[1]");
    }

    @Test
    void moreThanThreeReferenceImagesAreRefusedForAnUnknownModelToo() {
        byte[] image = VeoImages.png(Color.GREEN);
        VideoRequestInvalidException e = refused(send("veo:imageToVideo?model=veo-9-experimental", image,
                VeoConstants.REFERENCE_IMAGES, List.of(image, image, image, image)));
        assertThat(e.getField()).isEqualTo("referenceImages");
        assertThat(e).hasMessageContaining("'4 images'").hasMessageContaining("at most 3, for every model");
    }

    @Test
    void aVertexSeedOutsideTheUnsigned32BitRangeStopsTheEndpoint() {
        for (String seed : List.of("-1", "4294967296")) {
            VideoRequestInvalidException e = startFailure("vertex:textToVideo?seed=" + seed);
            assertThat(e.getField()).isEqualTo("seed");
            assertThat(e).hasMessageContaining("Invalid seed: '" + seed + "'")
                    .hasMessageContaining("a whole number from 0 to 4294967295");
        }
    }

    @Test
    void anUnknownOperationHeaderIsRefused() {
        VideoRequestInvalidException e = refused(send("veo:textToVideo", "A prompt", VeoConstants.OPERATION,
                "explode"));
        assertThat(e.getField()).isEqualTo(VeoConstants.OPERATION);
        assertThat(e).hasMessageContaining("Invalid CamelVeoOperation header: unknown operation 'explode'")
                .hasMessageContaining("Allowed: textToVideo, imageToVideo, extend");
    }

    @Test
    void anUnknownModelsValuesAreNamedWhenTheServerRefusesThem() {
        Exchange result = send("veo:textToVideo?model=imagen-video-x&durationSeconds=5&aspectRatio=4:3",
                "A prompt");
        // documented pass-through: the request goes out unchecked, and Google has the last word
        assertThat(emulator.requests("POST", "/v1beta/models/imagen-video-x:predictLongRunning")).hasSize(1);
        assertThat(refused(result)).hasMessageContaining("The model 'imagen-video-x' is unknown to the"
                                                         + " component's model rules, so durationSeconds=5,"
                                                         + " aspectRatio=4:3 were passed through unchecked");
        emulator.clearRequests();
    }

    @Test
    void anOutputDirectoryThatIsAFileStopsTheEndpoint() throws Exception {
        Path file = Files.writeString(output.resolve("not-a-directory"), "x");
        VideoRequestInvalidException e = startFailure("vertex:textToVideo?outputDirectory=" + file);
        assertThat(e.getField()).isEqualTo("outputDirectory");
        assertThat(e).hasMessageContaining("'" + file + "'").hasMessageContaining("is a file");
    }

    @Test
    void negativeDurationsAndCountsStopTheEndpoint() {
        assertThat(startFailure("veo:textToVideo?timeout=-1")).hasMessageContaining("Invalid timeout: '-1 ms'")
                .extracting("field").isEqualTo("timeout");
        assertThat(startFailure("veo:textToVideo?pollInitialDelay=-5"))
                .hasMessageContaining("Invalid pollInitialDelay: '-5 ms'").extracting("field")
                .isEqualTo("pollInitialDelay");
        assertThat(startFailure("vertex:textToVideo?maxConcurrentJobs=-2"))
                .hasMessageContaining("Invalid maxConcurrentJobs: '-2'").extracting("field")
                .isEqualTo("maxConcurrentJobs");
    }

    private static VideoRequestInvalidException refused(Exchange result) {
        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class);
        return (VideoRequestInvalidException) failureOf(result);
    }
}
