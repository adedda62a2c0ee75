package io.github.camelvideo.core.job;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.poll.JobScheduler;
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
        // the deadline timer first, then the polls
        assertThat(clock.requestedDelays()).containsExactly(Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(20));
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
        assertThat(clock.requestedDelays()).containsExactly(Duration.ofMinutes(2), Duration.ofMillis(700),
                Duration.ofMillis(1500));
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
        // at 5, 15, 35, 55, 75, 95, 115 s; the next would go out after the deadline, so none does
        assertThat(polls).isEqualTo(7);
        assertThat(clock.pending()).isZero();
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

    @Test
    void timeoutFiresWhilePollsHang() {
        provider.pollAnswers.add(new CompletableFuture<JobStatus>()); // a request that never answers
        CompletableFuture<JobStatus> result = start(status("stuck", JobState.QUEUED, 0, null));

        clock.advance(Duration.ofMinutes(2).minusMillis(1));
        assertThat(result).isNotDone();
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofMillis(1));

        VideoJobTimeoutException e = (VideoJobTimeoutException) failure(result);
        assertThat(e.getJobId()).isEqualTo("stuck");
        assertThat(tracker.waiting()).isZero();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void retryAfterPastTheDeadlineEndsTheJobAtTheDeadlineWithoutPollingEarly() {
        PollPolicy tenSeconds = new PollPolicy(Duration.ofSeconds(5), 1, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 0);
        provider.pollAnswers.add(new VideoRateLimitedException("slow down", "fake", "j", null,
                Duration.ofSeconds(8)));
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));
        CompletableFuture<JobStatus> result = tracker.await(provider, status("j", JobState.QUEUED, 0, null),
                tenSeconds, clock.now(), JobListener.NONE).toCompletableFuture();

        clock.advance(Duration.ofSeconds(5));
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofMillis(4999));
        assertThat(result).isNotDone();
        clock.advance(Duration.ofMillis(1));

        VideoJobTimeoutException e = (VideoJobTimeoutException) failure(result);
        assertThat(e.getJobId()).isEqualTo("j");
        clock.advance(Duration.ofMinutes(1));
        assertThat(provider.polls).as("no poll before the Retry-After has passed").hasValue(1);
    }

    @Test
    void aRejectedRescheduleEndsTheWaitOnceWithATypedExceptionKeepingTheJobId() {
        AtomicInteger schedules = new AtomicInteger();
        JobScheduler rejectingThird = new JobScheduler() {
            @Override
            public Instant now() {
                return clock.now();
            }

            @Override
            public Cancellable schedule(Runnable task, Duration delay) {
                // the deadline timer and the first poll are accepted, the reschedule after that poll is not
                if (schedules.incrementAndGet() > 2) {
                    throw new RejectedExecutionException("queue full");
                }
                return clock.schedule(task, delay);
            }
        };
        JobTracker rejecting = new JobTracker(rejectingThird);
        provider.pollAnswers.add(status("j", JobState.RUNNING, 10, null));
        AtomicInteger endings = new AtomicInteger();
        CompletableFuture<JobStatus> result = rejecting.await(provider, status("j", JobState.QUEUED, 0, null),
                policy, clock.now(), JobListener.NONE).toCompletableFuture();
        result.whenComplete((s, e) -> endings.incrementAndGet());

        clock.advance(Duration.ofSeconds(5));
        Throwable e = failure(result);
        assertThat(e).isInstanceOf(VideoException.class).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(((VideoException) e).getJobId()).isEqualTo("j");
        clock.advance(Duration.ofMinutes(5)); // the deadline timer was cancelled: nothing ends the wait twice
        assertThat(endings).hasValue(1);
        assertThat(rejecting.waiting()).isZero();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void aProviderThatThrowsInsteadOfFailingTheStageEndsTheWaitTyped() {
        provider.pollAnswers.add(new IllegalStateException("unexpected answer")); // not transient, not typed
        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));
        clock.advance(Duration.ofSeconds(5));
        assertThat(failure(result)).isInstanceOf(VideoException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(((VideoException) failure(result)).getJobId()).isEqualTo("j");
    }

    @Test
    void aNotificationBringsThePollForwardAndThePollDecides() {
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));
        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));

        assertThat(tracker.pollNow("fake", "j")).isTrue();
        clock.advance(Duration.ZERO);

        assertThat(provider.polls).hasValue(1);
        assertThat(result).isCompletedWithValueMatching(s -> s.state() == JobState.SUCCEEDED);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void aNotificationForAJobStillRunningKeepsTheScheduleAfterTheRead() {
        provider.pollAnswers.add(status("j", JobState.RUNNING, 50, null));
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));
        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));

        tracker.pollNow("fake", "j");
        clock.advance(Duration.ZERO);
        assertThat(provider.polls).hasValue(1);
        assertThat(result).isNotDone();
        // the read said running: the next poll follows the schedule (the second delay of 5 s x2), not at once
        clock.advance(Duration.ofSeconds(9));
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(result).isCompleted();
    }

    @Test
    void aNotificationDuringAReadInFlightIsFollowedByAnotherRead() {
        CompletableFuture<JobStatus> inFlight = new CompletableFuture<>();
        provider.pollAnswers.add(inFlight);
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));
        CompletableFuture<JobStatus> result = start(status("j", JobState.QUEUED, 0, null));
        clock.advance(Duration.ofSeconds(5));
        assertThat(provider.polls).hasValue(1);

        tracker.pollNow("fake", "j");
        tracker.pollNow("fake", "j"); // a duplicate: still one read after the one in flight
        clock.advance(Duration.ZERO);
        assertThat(provider.polls).hasValue(1);
        inFlight.complete(status("j", JobState.RUNNING, 90, null));
        clock.advance(Duration.ZERO);

        assertThat(provider.polls).hasValue(2);
        assertThat(result).isCompletedWithValueMatching(s -> s.state() == JobState.SUCCEEDED);
    }

    @Test
    void aNotificationForAnUnknownJobIsKeptForAWaitThatStartsSoon() {
        assertThat(tracker.pollNow("fake", "early")).isFalse();
        assertThat(tracker.pollNow("other", "j")).isFalse();
        provider.pollAnswers.add(status("early", JobState.SUCCEEDED, 100, null));

        CompletableFuture<JobStatus> result = start(status("early", JobState.QUEUED, 0, null));
        clock.advance(Duration.ZERO);

        assertThat(provider.polls).hasValue(1);
        assertThat(result).isCompleted();
    }

    @Test
    void withPushServerHintsDoNotShortenTheSafetyNetPolls() {
        provider.pollAnswers.add(status("j", JobState.RUNNING, 10, Duration.ofMillis(1000)));
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));
        PollPolicy push = PollPolicy.withPush(Duration.ofMinutes(5), Duration.ofMinutes(20), 0);
        CompletableFuture<JobStatus> result = tracker.await(provider,
                status("j", JobState.QUEUED, 0, Duration.ofMillis(1000)), push, clock.now(), JobListener.NONE)
                .toCompletableFuture();

        clock.advance(Duration.ofMinutes(5));
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofMinutes(4));
        assertThat(provider.polls).hasValue(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(result).isCompleted();
    }

    @Test
    void withPushAPhaseNoNotificationAnnouncesIsPolledOnTheRegularSchedule() {
        provider.pollAnswers.add(status("j", JobState.RUNNING, 90, null).asUnannounced());
        provider.pollAnswers.add(status("j", JobState.SUCCEEDED, 100, null));
        PollPolicy regular = new PollPolicy(Duration.ofSeconds(5), 2, Duration.ofSeconds(20), Duration.ofMinutes(20),
                0);
        PollPolicy push = PollPolicy.withPush(Duration.ofMinutes(5), regular);
        CompletableFuture<JobStatus> result = tracker.await(provider, status("j", JobState.QUEUED, 0, null), push,
                clock.now(), JobListener.NONE).toCompletableFuture();

        clock.advance(Duration.ofMinutes(5));
        assertThat(provider.polls).hasValue(1);
        // the regular schedule's second poll: 5 s x 2, not another five minutes
        clock.advance(Duration.ofSeconds(10));
        assertThat(provider.polls).hasValue(2);
        assertThat(result).isCompleted();
    }

    private CompletableFuture<JobStatus> start(JobStatus initial) {
        return tracker.await(provider, initial, policy, clock.now(), JobListener.NONE).toCompletableFuture();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return f.handle((v, e) -> Failures.unwrap(e)).join();
    }
}
