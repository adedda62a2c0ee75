package io.github.camelvideo.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.poll.PollPolicy;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * Waits for jobs without holding threads: each waiting job is a small object whose next poll is a task on the shared
 * scheduler, and whose poll is an asynchronous HTTP call. A wait ends in a final state, a timeout, a persistent poll
 * failure, or {@link #shutdown()}; whichever comes first completes its stage exactly once.
 */
public final class JobTracker {

    /** Consecutive failed polls tolerated before the wait fails with the last error. */
    static final int MAX_CONSECUTIVE_POLL_FAILURES = 5;

    private final JobScheduler scheduler;
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();

    public JobTracker(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Polls the job until it reaches a final state.
     *
     * @param provider  the job's provider
     * @param current   the latest known status (for example the submit response)
     * @param policy    poll schedule and total timeout
     * @param startedAt when the wait for this job began (admission and submission included); the timeout counts
     *                  from here
     * @param listener  told about every poll result
     * @return a stage completing with the final status (succeeded or failed), or failing with
     *         {@link VideoJobTimeoutException} or the poll error, always a {@link VideoException}
     */
    public CompletionStage<JobStatus> await(VideoProvider<?> provider, JobStatus current, PollPolicy policy,
                                            Instant startedAt, JobListener listener) {
        Wait wait = new Wait(provider, current, policy, startedAt, listener);
        if (current.isTerminal()) {
            wait.result.complete(current);
            return wait.result;
        }
        waits.add(wait);
        wait.result.whenComplete((s, e) -> wait.finished());
        wait.start();
        return wait.result;
    }

    /** Number of jobs being waited for. */
    public int waiting() {
        return waits.size();
    }

    /** Ends every wait with an error that keeps the job id; the jobs themselves continue at the provider. */
    public void shutdown() {
        for (Wait w : Set.copyOf(waits)) {
            w.stop();
        }
    }

    private final class Wait {
        final VideoProvider<?> provider;
        final PollPolicy policy;
        final Instant startedAt;
        final Instant deadline;
        final JobListener listener;
        final CompletableFuture<JobStatus> result = new CompletableFuture<>();
        volatile JobStatus last;
        volatile JobScheduler.Cancellable pending;
        volatile JobScheduler.Cancellable deadlineTimer;
        int polls;
        int failures;

        Wait(VideoProvider<?> provider, JobStatus current, PollPolicy policy, Instant startedAt,
             JobListener listener) {
            this.provider = provider;
            this.last = current;
            this.policy = policy;
            this.startedAt = startedAt;
            this.deadline = startedAt.plus(policy.timeout());
            this.listener = listener;
        }

        void start() {
            // the timeout is a timer of its own: whatever happens to the polls (a hung request, a lost
            // continuation), the wait ends at the deadline
            Duration remaining = remaining();
            if (remaining.isNegative() || remaining.isZero()) {
                timeout();
                return;
            }
            try {
                deadlineTimer = scheduler.schedule(this::timeout, remaining);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            scheduleNext(last.pollAfter());
        }

        void scheduleNext(Duration hint) {
            Duration delay = policy.nextDelay(polls, hint, ThreadLocalRandom.current()::nextDouble);
            scheduleIn(delay);
        }

        /**
         * Schedules the next poll, unless it would go out after the deadline: then the deadline timer ends the
         * wait, so a server's Retry-After or poll hint is never cut short.
         */
        void scheduleIn(Duration delay) {
            if (result.isDone() || delay.compareTo(remaining()) >= 0) {
                return;
            }
            try {
                pending = scheduler.schedule(this::poll, delay);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        Duration remaining() {
            return Duration.between(scheduler.now(), deadline);
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            try {
                polls++;
                provider.poll(last.ref()).whenComplete(this::onPolled);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void onPolled(JobStatus status, Throwable error) {
            try {
                handlePolled(status, error);
            } catch (RuntimeException e) {
                fail(e); // a failure anywhere in the poll and reschedule chain ends the wait, never silently
            }
        }

        private void handlePolled(JobStatus status, Throwable error) {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                onPollFailed(error);
                return;
            }
            failures = 0;
            last = status;
            try {
                listener.onStatus(status, Duration.between(startedAt, scheduler.now()));
            } catch (RuntimeException ignored) {
                // a listener must not break the wait
            }
            if (status.isTerminal()) {
                result.complete(status);
            } else {
                scheduleNext(status.pollAfter());
            }
        }

        void onPollFailed(Throwable error) {
            Throwable cause = Failures.unwrap(error);
            if (!Failures.isTransient(cause) || ++failures > MAX_CONSECUTIVE_POLL_FAILURES) {
                fail(cause);
                return;
            }
            Duration retryAfter = cause instanceof VideoRateLimitedException rl ? rl.getRetryAfter() : null;
            if (retryAfter != null) {
                // Retry-After is a floor, even above maxInterval: no request goes out before it has passed
                scheduleIn(retryAfter);
            } else {
                scheduleNext(null);
            }
        }

        void timeout() {
            result.completeExceptionally(new VideoJobTimeoutException(provider.name(), last.ref().id(),
                    policy.timeout(), last.status()));
        }

        /** Ends the wait with the error as a {@link VideoException} that keeps the job id. */
        void fail(Throwable error) {
            Throwable cause = Failures.unwrap(error);
            result.completeExceptionally(cause instanceof VideoException ? cause : new VideoException(
                    "Waiting for video job " + last.ref().id() + " failed: " + cause
                    + "; the job continues at the provider and can be fetched by its id",
                    provider.name(), last.ref().id(), null, true, cause));
        }

        void finished() {
            waits.remove(this);
            cancel(pending);
            cancel(deadlineTimer);
        }

        private void cancel(JobScheduler.Cancellable timer) {
            if (timer != null) {
                timer.cancel();
            }
        }

        void stop() {
            result.completeExceptionally(new VideoException(
                    "Stopped while waiting for video job " + last.ref().id()
                    + "; the job continues at the provider and can be fetched by its id",
                    provider.name(), last.ref().id(), null, true, null));
        }
    }
}
