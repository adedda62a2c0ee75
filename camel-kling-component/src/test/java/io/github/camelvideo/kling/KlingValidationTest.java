package io.github.camelvideo.kling;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused before anything is sent or paid for, naming the field, the value and what is allowed. */
class KlingValidationTest extends KlingTestSupport {

    @Test
    void aDurationTheModelDoesNotMakeIsRefused() {
        assertRefused(send("kling:textToVideo?duration=20", "Too long"), "duration", "'20'", "3, 4, 5");
        assertRefused(send("kling:textToVideo?model=kling-v2.6&mode=pro&duration=7", "Not 5 or 10"), "duration",
                "'7'", "5, 10");
        assertRefused(send("kling:textToVideo", "Words", KlingConstants.DURATION, "five"), "duration", "'five'",
                "Allowed");
    }

    @Test
    void anAspectRatioModeOrScaleOutsideTheAllowedValuesIsRefused() {
        assertRefused(send("kling:textToVideo?aspectRatio=4:3", "Square-ish"), "aspectRatio", "'4:3'",
                "16:9, 9:16, 1:1");
        assertRefused(send("kling:textToVideo", "Ultra", KlingConstants.MODE, "ultra"), "mode", "'ultra'",
                "std, pro");
        assertRefused(send("kling:textToVideo?model=kling-v2.6", "No std", KlingConstants.MODE, "std"), "model",
                "'kling-v2.6'", "kling-v2.6|pro");
    }

    @Test
    void aModelWithoutAFalEndpointIsRefusedNamingTheKnownOnesAndEndpointId() {
        assertRefused(send("kling:textToVideo?model=kling-v9", "Future"), "model", "'kling-v9'", "kling-v3|pro");
        assertThat(failureOf(send("kling:textToVideo?model=kling-v9", "Future"))).hasMessageContaining("endpointId");
    }

    @Test
    void aMissingPromptIsRefused() {
        assertRefused(send("kling:textToVideo", null), "prompt", "CamelKlingPrompt", "");
    }

    @Test
    void badEndpointOptionsStopTheRouteAtStart() {
        assertThat(startFailure("kling:textToVideo?cfgScale=1.5").getField()).isEqualTo("cfgScale");
        assertThat(startFailure("kling:textToVideo?mode=max").getField()).isEqualTo("mode");
        assertThat(startFailure("kling:textToVideo?provider=acme").getMessage()).contains("'acme'").contains("fal, kie");
    }

    private static void assertRefused(Exchange result, String field, String value, String allowed) {
        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoRequestInvalidException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getMessage()).contains(value).contains(allowed);
        });
        assertThat(emulator.requests()).isEmpty();
    }
}
