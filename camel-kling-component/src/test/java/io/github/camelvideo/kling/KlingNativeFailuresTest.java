package io.github.camelvideo.kling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;

/** Kling's service codes as the route sees them on provider kling: each its typed exception, retried or not. */
class KlingNativeFailuresTest extends KlingNativeTestSupport {

    @Test
    void code1102IsBudgetExceededAndNotRetried() {
        emulator.faults().failJobs(1, "1102", "Account resource pack depleted or expired");

        Exchange result = send("kling:textToVideo", "No credit");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoBudgetExceededException.class, e -> {
            assertThat(e.getProviderCode()).isEqualTo("1102");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("429").doesNotContain(SECRET_KEY);
        });
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void code1301IsAContentPolicyRefusalAndNotRetried() {
        emulator.faults().failJobs(1, "1301", "Content security check failed");

        Exchange result = send("kling:textToVideo", "Something refused");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getProviderCode()).isEqualTo("1301");
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void aTaskFailedByRiskControlIsAContentPolicyRefusalWithTheTaskId() {
        emulator.faults().filterJobs(1, List.of("violence"));

        Exchange result = send("kling:textToVideo", "A fight");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class,
                e -> assertThat(e.getJobId()).isEqualTo(result.getMessage().getHeader(KlingConstants.REQUEST_ID)));
    }

    @Test
    void code1303IsRateLimitedThenSentAgainAndSucceeds() {
        emulator.faults().failJobs(1, "1303", "Parallel task over resource pack limit");

        Exchange result = send("kling:textToVideo?download=false", "Patience");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", CREATE)).hasSize(2);
        assertThat(emulator.requests("POST", CREATE).get(0).status()).isEqualTo(429);
    }

    @Test
    void serverErrorsOnTaskReadsAreRepeated() {
        emulator.faults().serverError("GET", T2V + "/.*", 2);

        Exchange result = send("kling:textToVideo?download=false", "Flaky reads");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", T2V + "/.*").stream().filter(r -> r.status() == 500)).hasSize(2);
    }

    @Test
    void a500OnCreateLeavesItInDoubtAndItIsNotSentAgain() {
        emulator.faults().serverError("POST", CREATE, 1);

        Exchange result = send("kling:textToVideo", "Broken");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void aTokenRefusedAsExpiredIsRenewedAndTheCallSentOnceMore() {
        emulator.faults().failJobs(1, "1004", "Authorization has expired");

        Exchange result = send("kling:textToVideo?download=false", "Fresh token");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", CREATE)).hasSize(2);
        assertThat(emulator.requests("POST", CREATE).get(0).status()).isEqualTo(401);
    }
}
