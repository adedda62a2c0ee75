package io.github.camelvideo.kling;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/** fal's error taxonomy as the route sees it: each failure its own typed exception, the task id kept. */
class KlingFailuresTest extends KlingTestSupport {

    private static final String SUBMIT = "/fal/fal-ai/kling-video/.*";

    @Test
    void aContentFilterRefusalIsAContentPolicyExceptionWithItsCategoriesAndIsNotRetried() {
        emulator.faults().filterJobs(1, List.of("violence"));

        Exchange result = send("kling:textToVideo", "A fight scene");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getReasons()).containsExactly("violence");
            assertThat(e.getProviderCode()).isEqualTo("content_policy_violation");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getJobId()).isEqualTo(result.getMessage().getHeader(KlingConstants.REQUEST_ID));
        });
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void aRequestTheRunnerFailedIsAJobFailedExceptionNamingFalsErrorType() {
        emulator.faults().failJobs(1, "runner_server_error", "The runner crashed");

        Exchange result = send("kling:textToVideo", "A crash");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoJobFailedException.class, e -> {
            assertThat(e.getProviderCode()).isEqualTo("runner_server_error");
            assertThat(e.getMessage()).contains("The runner crashed");
            assertThat(e.getJobId()).isNotNull();
        });
    }

    @Test
    void a429OnSubmitIsSentAgainAfterRetryAfterAndSucceeds() {
        emulator.faults().rateLimit("POST", SUBMIT, 1, 0);

        Exchange result = send("kling:textToVideo?download=false", "Patience");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(2);
    }

    @Test
    void a429WithALongRetryAfterReachesTheRouteAsRateLimited() {
        emulator.faults().rateLimit("POST", SUBMIT, 1, 600);

        Exchange result = send("kling:textToVideo", "Too busy");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoRateLimitedException.class,
                e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(600)));
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void serverErrorsOnStatusReadsAreRepeated() {
        emulator.faults().serverError("GET", "/fal/.*/status", 2);

        Exchange result = send("kling:textToVideo?download=false", "Flaky status");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", "/fal/.*/status").stream().filter(r -> r.status() == 500)).hasSize(2);
    }

    @Test
    void a504OnSubmitLeavesTheCreateInDoubtAndItIsNotSentAgain() {
        emulator.faults().acceptThenTimeout("POST", SUBMIT, 1);

        Exchange result = send("kling:textToVideo", "Timed out");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageContaining("504").hasMessageContaining("request_timeout");
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
        assertThat(emulator.jobCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a500OnSubmitIsInDoubtToo() {
        emulator.faults().serverError("POST", SUBMIT, 1);

        Exchange result = send("kling:textToVideo", "Broken");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void aSubmitWhoseAnswerWasLostIsInDoubtAndNotSentAgain() {
        emulator.faults().acceptThenDrop("POST", SUBMIT, 1);

        Exchange result = send("kling:textToVideo", "Lost answer");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", SUBMIT)).hasSize(1);
    }

    @Test
    void aTaskThatNeverFinishesTimesOutKeepingItsRequestId() {
        emulator.faults().neverFinishJobs(1);

        Exchange result = send("kling:textToVideo?timeout=1500", "Forever");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoJobTimeoutException.class,
                e -> assertThat(e.getJobId()).isEqualTo(result.getMessage().getHeader(KlingConstants.REQUEST_ID)));
    }

    @Test
    void aDownloadCutShortIsResumedIntoOneWholeMp4() throws Exception {
        emulator.faults().resetDownload(1, 4096);

        Exchange result = send("kling:textToVideo?duration=3", "A shaky line");

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(java.io.File.class).toPath()).durationSeconds())
                .isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.2));
        assertThat(emulator.requests("GET", "/fal-media/.*")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aRefusedKeyIsAnAuthenticationExceptionThatNeverShowsTheKey() throws IOException {
        try (VideoEmulator strict = VideoEmulator.builder().falKey("the-right-key").start()) {
            Exchange result = send("kling:textToVideo?baseUrl=" + strict.falBaseUrl(), "Locked out");

            assertThat(failureOf(result)).isInstanceOf(VideoAuthenticationException.class)
                    .hasMessageContaining("401").hasMessageNotContaining(FAL_KEY);
            assertThat(strict.jobCount()).isZero();
        }
    }
}
