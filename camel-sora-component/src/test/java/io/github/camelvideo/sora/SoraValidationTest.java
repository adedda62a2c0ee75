package io.github.camelvideo.sora;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails before anything is sent, naming the field, the value and what is allowed. */
class SoraValidationTest extends SoraTestSupport {

    @Test
    void secondsOutsideTheModelFamilyAreRefused() {
        assertInvalid(send("sora:textToVideo?seconds=7", "A prompt"), "seconds", "'7'", "4, 8, 12, 16, 20");
    }

    @Test
    void sizeNotOfferedByTheModelIsRefused() {
        assertInvalid(send("sora:textToVideo?size=1792x1024", "A prompt"), "size", "1792x1024",
                "720x1280, 1280x720");
        assertInvalid(send("sora:textToVideo", "A prompt", SoraConstants.SIZE, "big"), "size", "big", "720x1280");
    }

    @Test
    void missingOrOverlongPromptIsRefused() {
        assertInvalid(send("sora:textToVideo", "   "), "prompt", "Missing prompt", SoraConstants.PROMPT);
        assertInvalid(send("sora:textToVideo", "x".repeat(32_001)), "prompt", "32001", "1 to 32000");
    }

    @Test
    void imageIsJudgedByItsBytes() {
        assertInvalid(send("sora:imageToVideo", "not an image".getBytes(), SoraConstants.PROMPT, "p"), "image",
                "not a JPEG, PNG or WebP", "image/png");
        assertInvalid(send("sora:imageToVideo", null, SoraConstants.PROMPT, "p"), "image", "Missing image",
                SoraConstants.IMAGE_URL);
        assertInvalid(send("sora:imageToVideo", "p", SoraConstants.IMAGE_URL, "ftp://x/y.png"), "imageUrl",
                "ftp://x/y.png", "http(s) URL");
    }

    @Test
    void remixNeedsAVideoId() {
        assertInvalid(send("sora:remix", "A prompt"), "videoId", "Missing video id", SoraConstants.VIDEO_ID);
    }

    @Test
    void unknownModelsPassToTheServerWhichHasTheLastWord() {
        Exchange result = send("sora:textToVideo?model=open-video-1&seconds=7&size=640x480", "A prompt");
        // not checked locally: the emulator (like OpenAI) rejects the model, and its error comes back typed
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void badOptionsFailWhenTheRouteStarts() {
        assertThatThrownBy(() -> context.getEndpoint("sora:textToVideo?pollMultiplier=0.5").createProducer()
                .start()).hasMessageContaining("pollMultiplier");
        assertThatThrownBy(() -> context.getEndpoint("sora:paintVideo"))
                .hasStackTraceContaining("Valid operations: textToVideo, imageToVideo");
    }

    private void assertInvalid(Exchange result, String field, String... fragments) {
        Throwable e = failureOf(result);
        assertThat(e).isInstanceOf(VideoRequestInvalidException.class);
        assertThat(((VideoRequestInvalidException) e).getField()).isEqualTo(field);
        for (String f : fragments) {
            assertThat(e.getMessage()).contains(f);
        }
        assertThat(emulator.requests("POST", "/v1/videos")).as("nothing paid for").isEmpty();
    }
}
