package io.github.camelvideo.core.job;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.poll.ManualScheduler;
import io.github.camelvideo.core.poll.PollPolicy;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

import static io.github.camelvideo.core.job.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;

class JobTrackerTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final JobTracker tracker = new JobTracker(clock);
    private final FakeProvider provider = new FakeProvider();
    private final PollPolicy policy = new PollPolicy(Duration.ofSeconds(5), 2, Duration.ofSeconds(20),
            Duration.ofMinutes(2), 0);

    @Test
    void pollsOnTheBackoffScheduleUntilDone() {
        provider.pollAnswers.add(status("j", JobState.RUNNING, 10, null));
        provider.pollAnswers.add(status("j", JobState.RUNNING, 50, null));
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));

        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));

        clock.advance(Duration.ofSeconds(4));
        assertThat(provider.polls).hasValue(0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(provider.polls).hasValue(2);
        clock.advance(Duration.ofSeconds(20));
        assertThat(result).isCompletedWithValueMatching(s -> s.state() == JobState.SUCCEEDED);
        assertThat(clock.requestedDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20));
        assertThat(clock.pending()).isZero();
        assertThat(tracker.waiting()).isZero();
    }

    @Test
    void serverPollHintWins() {
        provider.pollAnswers.add(status("j", JobState.RUNNING, 10, Duration.ofMillis(1500)));
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));

        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, Duration.ofMillis(700)));
        clock.advance(Duration.ofMillis(700));
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofMillis(1500));
        assertThat(result).isCompleted();
        assertThat(clock.requestedDelays()).containsExactly(Duration.ofMillis(700), Duration.ofMillis(1500));
    }

    @Test
    void timesOutKeepingTheJobIdAndStopsPolling() {
        for (int i = 0; i < 100; i++) {
            provider.pollAnswers.add(status("slow", JobState.RUNNING, 42, null));
        }
        CompletableFuture<JobStatus> result = start(status("slow", JobState.QUEUED, 0, null));
        clock.advance(Duration.ofMinutes(3));

        assertThat(result).isCompletedExceptionally();
        VideoJobTimeoutException e = (VideoJobTimeoutException) failure(result);
        assertThat(e.getJobId()).isEqualTo("slow");
        assertThat(e.getLastStatus()).isEqualTo("running");
        int polls = provider.polls.get();
        // 5, 10, 20, 20, 20, 20 s ... within 120 s, with the final poll at the deadline itself
        assertThat(polls).isEqualTo(8);
        clock.advance(Duration.ofMinutes(10));
        assertThat(provider.polls).hasValue(polls);
    }

    @Test
    void transientPollFailuresAreRetriedAndRetryAfterIsAFloor() {
        provider.pollAnswers.add(new IOException("connection reset"));
        provider.pollAnswers.add(new VideoRateLimitedException("slow down", "fake", "j", null,
                Duration.ofSeconds(45)));
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));

        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));
        clock.advance(Duration.ofSeconds(15));
        assertThat(provider.polls).hasValue(2);
        clock.advance(Duration.ofSeconds(44));
        assertThat(provider.polls).hasValue(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(result).isCompleted();
    }

    @Test
    void persistentOrFatalPollFailuresEndTheWait() {
        provider.pollAnswers.add(new VideoAuthenticationException("bad key", "fake", "j", null));
        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));
        clock.advance(Duration.ofSeconds(5));
        assertThat(failure(result)).isInstanceOf(VideoAuthenticationException.class);
        assertThat(provider.polls).hasValue(1);
    }

    @Test
    void shutdownFailsWaitsWithTheJobId() {
        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));
        tracker.shutdown();
        assertThat(failure(result)).isInstanceOf(VideoException.class).hasMessageContaining("j");
        assertThat(((VideoException) failure(result)).getJobId()).isEqualTo("j");
        clock.advance(Duration.ofMinutes(5));
        assertThat(provider.polls).hasValue(0);
    }

    private CompletableFuture<JobStatus> start(JobStatus initial) {
        return tracker.await(provider, initial, policy, clock.now(), JobListener.NONE).toCompletableFuture();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return f.handle((v, e) -> Failures.unwrap(e)).join();
    }
}
