package io.github.camelvideo.core.protocol.kie;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;

/** Kie's answer for a model it paused upstream, under whichever code it comes: a refusal that says so. */
class KiePausedModelTest {

    @Test
    void aPausedModelIsARequestErrorNamingThePauseUnderAnyCode() {
        for (int code : new int[] {422, 505, 500}) {
            VideoException e = KieErrors.toException("kie-sora", null, KieEnvelope.parse(200,
                    ("{\"code\":" + code + ",\"msg\":\"This interface is temporarily paused\"}").getBytes()));
            assertThat(e).isInstanceOf(VideoRequestInvalidException.class);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("temporarily paused", "paused upstream", String.valueOf(code));
            assertThat(e.getProviderCode()).isEqualTo(String.valueOf(code));
        }
        assertThat(KieErrors.isPaused("Validation error: n_frames")).isFalse();
    }
}
