package io.github.camelvideo.core.job;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.async.AsyncPermits;
import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.download.VideoDownloader;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.poll.ManualScheduler;
import io.github.camelvideo.core.poll.PollPolicy;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

import static io.github.camelvideo.core.job.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;

class VideoJobRunnerTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final FakeProvider provider = new FakeProvider();
    private final VideoJobRunner runner = new VideoJobRunner(clock, new SubmissionPolicy(clock, 1,
            Duration.ofMillis(500)), new JobTracker(clock), new VideoDownloader(
            new HttpTransport(Runnable::run, 1, Duration.ofSeconds(1), Duration.ofSeconds(1)), 0), Runnable::run);
    private final AsyncPermits oneAtATime = new AsyncPermits(1, Runnable::run);
    private final JobOptions oneMinute = new JobOptions(true, false, Path.of("target"), null, null,
            new PollPolicy(Duration.ofSeconds(5), 1, Duration.ofSeconds(5), Duration.ofMinutes(1), 0), null);

    @Test
    void theQueueForASlotCountsInTheTimeout() {
        provider.submitAnswers.add(status("first", JobState.QUEUED, 0, null));
        provider.submitAnswers.add(status("second", JobState.QUEUED, 0, null));
        for (int i = 0; i < 40; i++) {
            provider.pollAnswers.add(status("any", JobState.RUNNING, 10, null));
        }
        CompletableFuture<JobOutcome> first = run();
        clock.advance(Duration.ofSeconds(30));
        CompletableFuture<JobOutcome> second = run(); // queued behind the first

        clock.advance(Duration.ofSeconds(30)); // the first job's deadline frees the slot
        assertThat(((VideoJobTimeoutException) failure(first)).getJobId()).isNotNull();
        assertThat(provider.submits).hasValue(2);

        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(second).as("a minute from when it asked for a slot, not from its submission").isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThat(((VideoJobTimeoutException) failure(second)).getJobId()).isNotNull();
        assertThat(oneAtATime.inUse()).isZero();
    }

    @Test
    void whileTheSlotIsHeldAQueuedJobTimesOutWithNoJobIdAndNothingPaid() {
        provider.submitAnswers.add(status("first", JobState.QUEUED, 0, null));
        provider.pollAnswers.add(new CompletableFuture<JobStatus>());
        JobOptions tenMinutes = new JobOptions(true, false, Path.of("target"), null, null,
                new PollPolicy(Duration.ofSeconds(5), 1, Duration.ofSeconds(5), Duration.ofMinutes(10), 0), null);
        runner.run(provider, new FakeProvider.Request("m", 4, "1x1"), tenMinutes, oneAtATime,
                new InMemoryJobStore(), null, JobListener.NONE);
        CompletableFuture<JobOutcome> queued = run();

        clock.advance(Duration.ofMinutes(1));
        VideoJobTimeoutException e = (VideoJobTimeoutException) failure(queued);
        assertThat(e.getJobId()).isNull();
        assertThat(e).hasMessageContaining("maxConcurrentJobs").hasMessageContaining("nothing was submitted");
        assertThat(provider.submits).hasValue(1);
        assertThat(oneAtATime.waiting()).isZero();
        assertThat(oneAtATime.inUse()).isEqualTo(1);
    }

    @Test
    void aStepThatThrowsEndsTheJobTypedAndFreesItsSlot() {
        JobStore broken = (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(),
                new Class<?>[] {JobStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("store unavailable");
                });
        JobOptions keyed = new JobOptions(true, false, Path.of("target"), null, null, oneMinute.pollPolicy(), "k");
        CompletableFuture<JobOutcome> result = runner.run(provider, new FakeProvider.Request("m", 4, "1x1"), keyed,
                oneAtATime, broken, null, JobListener.NONE).toCompletableFuture();

        assertThat(failure(result)).isInstanceOf(VideoException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(oneAtATime.inUse()).isZero();
        assertThat(provider.submits).hasValue(0);
    }

    private CompletableFuture<JobOutcome> run() {
        return runner.run(provider, new FakeProvider.Request("m", 4, "1x1"), oneMinute, oneAtATime,
                new InMemoryJobStore(), null, JobListener.NONE).toCompletableFuture();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return f.handle((v, e) -> Failures.unwrap(e)).join();
    }
}
