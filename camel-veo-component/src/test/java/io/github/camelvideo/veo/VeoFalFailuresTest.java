package io.github.camelvideo.veo;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;

import static org.assertj.core.api.Assertions.assertThat;

/** fal's failures as a veo route sees them: each its own typed exception, nothing paid for twice. */
class VeoFalFailuresTest extends VeoFalTestSupport {

    @Test
    void aContentPolicyRefusal422IsAContentPolicyExceptionAndIsNotRetried() {
        emulator.faults().filterJobs(1, List.of("violence"));

        Exchange result = send("falveo:textToVideo", "A fight scene");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getReasons()).containsExactly("violence");
            assertThat(e.getProviderCode()).isEqualTo("content_policy_violation");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getProvider()).isEqualTo("fal-veo");
            assertThat(e.getJobId()).isEqualTo(result.getMessage().getHeader(VeoConstants.OPERATION_NAME));
        });
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void a429OnSubmitIsSentAgainAfterRetryAfter() {
        emulator.faults().rateLimit("POST", SUBMIT, 1, 0);

        Exchange result = send("falveo:textToVideo?download=false", "Patience");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(2);
    }

    @Test
    void a429WithALongRetryAfterReachesTheRouteAsRateLimited() {
        emulator.faults().rateLimit("POST", SUBMIT, 1, 600);

        Exchange result = send("falveo:textToVideo", "Too busy");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoRateLimitedException.class,
                e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(600)));
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void a5xxOnSubmitIsInDoubtAndNotSentAgain() {
        emulator.faults().serverError("POST", SUBMIT, 1);

        Exchange result = send("falveo:textToVideo", "Broken");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void a504OnSubmitIsInDoubtNamingFalsErrorType() {
        emulator.faults().acceptThenTimeout("POST", SUBMIT, 1);

        Exchange result = send("falveo:textToVideo", "Timed out");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageContaining("504").hasMessageContaining("request_timeout");
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void a504OnAStatusReadIsFollowedByAnotherStatusReadAndTheJobCompletes() {
        emulator.faults().acceptThenTimeout("GET", "/fal/.*/status", 1);

        Exchange result = send("falveo:textToVideo?download=false", "Still running");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(VeoConstants.STATUS)).isEqualTo("COMPLETED");
        assertThat(emulator.requests("GET", "/fal/.*/status").stream().filter(r -> r.status() == 504)).hasSize(1);
        assertThat(emulator.requests("GET", "/fal/.*/status")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void serverErrorsOnStatusReadsAreRepeated() {
        emulator.faults().serverError("GET", "/fal/.*/status", 2);

        Exchange result = send("falveo:textToVideo?download=false", "Flaky status");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", "/fal/.*/status").stream().filter(r -> r.status() == 500)).hasSize(2);
    }
}
