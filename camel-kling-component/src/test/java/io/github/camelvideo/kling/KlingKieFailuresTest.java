package io.github.camelvideo.kling;

import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;

import static org.assertj.core.api.Assertions.assertThat;

/** Kie's code envelope as the route sees it: each error code its own typed exception. */
class KlingKieFailuresTest extends KlingTestSupport {

    private static final String CREATE = "/kie/api/v1/jobs/createTask";
    private static final String RECORD = "/kie/api/v1/jobs/recordInfo";

    @Override
    void configure(KlingConfiguration c) {
        super.configure(c);
        c.setProvider(KlingConfiguration.KIE);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(KlingKieTest.KIE_KEY);
    }

    @Test
    void exhaustedCreditsAreABudgetRefusalNotRetried() {
        emulator.faults().refuse("POST", CREATE, 1, 402);

        Exchange result = send("kling:textToVideo", "Too expensive");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoBudgetExceededException.class,
                e -> assertThat(e.getMessage()).contains("402"));
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
        assertThat(emulator.requests("POST", CREATE).get(0).status()).isEqualTo(402);
        assertThat(emulator.requests("GET", RECORD)).isEmpty();
    }

    @Test
    void aContentModerationFailureIsAContentPolicyException() {
        emulator.faults().filterJobs(1, List.of("violence"));

        Exchange result = send("kling:textToVideo", "A fight scene");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getMessage()).contains("content policy");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getJobId()).startsWith("task_kling-3.0_");
        });
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void aFailedTaskIsAJobFailedExceptionWithItsFailCode() {
        emulator.faults().failJobs(1, "500", "Internal Error");

        Exchange result = send("kling:textToVideo", "A crash");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoJobFailedException.class, e -> {
            assertThat(e.getProviderCode()).isEqualTo("500");
            assertThat(e.getMessage()).contains("Internal Error");
        });
    }

    @Test
    void a429OnCreateIsRetried() {
        emulator.faults().rateLimit("POST", CREATE, 1, 0);

        Exchange result = send("kling:textToVideo?download=false", "Patience");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", CREATE)).hasSize(2);
    }

    @Test
    void a500OnCreateLeavesTheTaskInDoubtAndItIsNotSentAgain() {
        emulator.faults().acceptThenFail("POST", CREATE, 1);

        Exchange result = send("kling:textToVideo", "In doubt");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void serverErrorsOnRecordReadsAreRepeated() {
        emulator.faults().serverError("GET", RECORD, 2);

        Exchange result = send("kling:textToVideo?download=false", "Flaky reads");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", RECORD).stream().filter(r -> r.status() == 500)).hasSize(2);
    }
}
