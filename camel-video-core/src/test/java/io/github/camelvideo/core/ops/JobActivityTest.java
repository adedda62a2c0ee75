package io.github.camelvideo.core.ops;

import java.math.BigDecimal;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.testing.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** What the listener points tell the activity becomes waiting jobs, failures and meters. */
class JobActivityTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock().pause();
    private final JobActivity activity = new JobActivity("sora", new MicrometerJobMetrics(meters), clock);

    @Test
    void aJobWaitsUntilItsFinalStatusAndIsCountedWhenDelivered() {
        JobActivity.Job job = activity.start("openai", "sora-2");
        job.onSubmitted(status(JobState.QUEUED, "queued", 0));
        clock.advance(Duration.ofSeconds(30));
        job.onStatus(status(JobState.RUNNING, "in_progress", 40), Duration.ofSeconds(30));

        assertThat(activity.waiting()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("video_1");
            assertThat(w.state()).isEqualTo("in_progress");
            assertThat(w.progress()).isEqualTo(40);
            assertThat(w.age()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(meters.get(MicrometerJobMetrics.WAITING).gauge().value()).isEqualTo(1);

        job.onStatus(status(JobState.SUCCEEDED, "completed", 100), Duration.ofSeconds(60));
        job.finished(new JobOutcome(status(JobState.SUCCEEDED, "completed", 100), null,
                new CostEstimate(new BigDecimal("0.40"), new BigDecimal("0.10"), 4)), null);

        assertThat(activity.waiting()).isEmpty();
        assertThat(meters.get(MicrometerJobMetrics.WAITING).gauge().value()).isZero();
        assertThat(meters.get(MicrometerJobMetrics.SUCCEEDED).tags("component", "sora", "provider", "openai",
                "model", "sora-2").counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerJobMetrics.WAIT).timer().totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(60);
        assertThat(meters.get(MicrometerJobMetrics.SPEND).counter().count()).isEqualTo(0.40);
        assertThat(meters.get(MicrometerJobMetrics.STATUS_READS).counter().count()).isEqualTo(2);
    }

    @Test
    void aSubmissionInDoubtIsAFailureAndInDoubt() {
        activity.start("openai", null).finished(null, new VideoSubmissionInDoubtException("no answer", "openai",
                null));

        assertThat(meters.get(MicrometerJobMetrics.FAILED).tag("type", "VideoSubmissionInDoubtException")
                .tag("model", JobTags.UNKNOWN_MODEL).counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerJobMetrics.IN_DOUBT).counter().count()).isEqualTo(1);
        assertThat(activity.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isNull();
            assertThat(f.type()).isEqualTo("VideoSubmissionInDoubtException");
        });
    }

    @Test
    void onlyTheLastFailuresAreKeptTheNewestFirst() {
        for (int i = 0; i < JobActivity.FAILURES_KEPT + 5; i++) {
            activity.start("openai", "sora-2").finished(null, new IllegalStateException("failure " + i));
        }

        assertThat(activity.failures()).hasSize(JobActivity.FAILURES_KEPT);
        assertThat(activity.failures().get(0).message()).isEqualTo("failure " + (JobActivity.FAILURES_KEPT + 4));
    }

    @Test
    void webhookDeliveriesHaveTheirOwnCounters() {
        activity.metrics().webhookAccepted("sora", "openai");
        activity.metrics().webhookRefused("sora", "openai", "signature");

        assertThat(meters.get(MicrometerJobMetrics.WEBHOOK_ACCEPTED).counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerJobMetrics.WEBHOOK_REFUSED).tag("reason", "signature").counter().count())
                .isEqualTo(1);
    }

    private static JobStatus status(JobState state, String status, Integer progress) {
        return new JobStatus(JobRef.of("openai", "video_1"), state, status, progress, "sora-2", 4, "1280x720", null,
                null, null, null);
    }
}
