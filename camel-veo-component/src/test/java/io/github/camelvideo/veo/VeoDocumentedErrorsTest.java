package io.github.camelvideo.veo;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The validation messages docs/veo-component.md quotes are the ones the component produces, and such requests are
 * refused before anything is sent.
 */
class VeoDocumentedErrorsTest extends VeoTestSupport {

    private static final String PROMPT = "A lighthouse in a storm";
    private static final String FILE_URI = "https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media";

    static Stream<Arguments> documentedMessages() {
        byte[] png = VeoImages.png(new Color(30, 90, 160));
        return Stream.of(
                arguments("veo:textToVideo?durationSeconds=5", PROMPT, new Object[0], "durationSeconds",
                        "Invalid durationSeconds '5' for model 'veo-3.1-generate-preview'. Allowed: 4, 6, 8"),
                arguments("veo:textToVideo?resolution=1080p&durationSeconds=4", PROMPT, new Object[0],
                        "durationSeconds",
                        "Invalid durationSeconds: '4'. Allowed: 8 (resolution 1080p needs 8 seconds)"),
                arguments("veo:textToVideo?aspectRatio=1:1", PROMPT, new Object[0], "aspectRatio",
                        "Invalid aspectRatio '1:1' for model 'veo-3.1-generate-preview'. Allowed: 16:9, 9:16"),
                arguments("veo:imageToVideo", png,
                        new Object[] { VeoConstants.REFERENCE_IMAGES, Collections.nCopies(4, png) },
                        "referenceImages",
                        "Invalid referenceImages: '4 images'. Allowed: at most 3 for model 'veo-3.1-generate-preview'"),
                arguments("veo:extend?resolution=1080p", PROMPT, new Object[] { VeoConstants.VIDEO_URI, FILE_URI },
                        "resolution",
                        "Invalid resolution: '1080p'. Allowed: 720p (extensions take and make 720p videos)"),
                arguments("veo:extend", PROMPT, new Object[0], "video",
                        "Missing video to extend: set the CamelVeoVideoUri header to the file URI of an earlier Veo"
                                                                       + " result"),
                arguments("veo:textToVideo?seed=42", PROMPT, new Object[0], "seed",
                        "Invalid seed '42': the Gemini API does not take seed. Allowed only with provider=vertex"),
                arguments("veo:imageToVideo?model=veo-9-experimental", png,
                        new Object[] { VeoConstants.REFERENCE_IMAGES, Collections.nCopies(4, png) },
                        "referenceImages",
                        "Invalid referenceImages: '4 images'. Allowed: at most 3, for every model (model"
                                           + " 'veo-9-experimental')"),
                arguments("veo:textToVideo", PROMPT, new Object[] { VeoConstants.OPERATION, "explode" },
                        VeoConstants.OPERATION,
                        "Invalid CamelVeoOperation header: unknown operation 'explode'. Allowed: textToVideo,"
                                                + " imageToVideo, extend, storyboard, getOperation, downloadVideo, jobs"));
    }

    static Stream<Arguments> documentedStartMessages() {
        return Stream.of(
                arguments("vertex:textToVideo?seed=-1", "seed",
                        "Invalid seed: '-1'. Allowed: a whole number from 0 to 4294967295 (an unsigned 32-bit"
                                                            + " integer)"),
                arguments("veo:textToVideo?timeout=-1", "timeout",
                        "Invalid timeout: '-1 ms'. Allowed: a positive duration, such as 20m, 90s or 1200000"
                                                                  + " (milliseconds)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedStartMessages")
    void stopsTheEndpointWithTheDocumentedMessage(String uri, String field, String message) throws IOException {
        VideoRequestInvalidException failure = startFailure(uri);

        assertThat(failure).hasMessage(message);
        assertThat(failure.getField()).isEqualTo(field);
        assertThat(emulator.requests()).as("refused before any call").isEmpty();
        assertThat(page()).contains("`" + message + "`");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedMessages")
    void refusesWithTheDocumentedMessage(String uri, Object body, Object[] headers, String field, String message)
            throws IOException {
        Exchange exchange = send(uri, body, headers);

        Throwable failure = failureOf(exchange);
        assertThat(failure).isInstanceOf(VideoRequestInvalidException.class).hasMessage(message);
        assertThat(((VideoRequestInvalidException) failure).getField()).isEqualTo(field);
        assertThat(emulator.requests()).as("refused before any call").isEmpty();
        assertThat(page()).contains("`" + message + "`");
    }

    private static String page() throws IOException {
        return Files.readString(Path.of("..", "docs", "veo-component.md"), StandardCharsets.UTF_8);
    }
}
