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
     * @param startedAt when the job was submitted; the timeout counts from here
     * @param listener  told about every poll result
     * @return a stage completing with the final status (succeeded or failed), or failing with
     *         {@link VideoJobTimeoutException} or the poll error
     */
    public CompletionStage<JobStatus> await(VideoProvider<?> provider, JobStatus current, PollPolicy policy,
                                            Instant startedAt, JobListener listener) {
        Wait wait = new Wait(provider, current, policy, startedAt, listener);
        if (current.isTerminal()) {
            wait.result.complete(current);
            return wait.result;
        }
        waits.add(wait);
        wait.result.whenComplete((s, e) -> waits.remove(wait));
        wait.scheduleNext(current.pollAfter());
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

        void scheduleNext(Duration hint) {
            Duration delay = policy.nextDelay(polls, hint, ThreadLocalRandom.current()::nextDouble);
            scheduleIn(delay);
        }

        void scheduleIn(Duration delay) {
            Duration remaining = Duration.between(scheduler.now(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                timeout();
                return;
            }
            // the last poll happens at the deadline itself, so a job finishing just in time is not missed
            Duration actual = delay.compareTo(remaining) > 0 ? remaining : delay;
            pending = scheduler.schedule(this::poll, actual);
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            polls++;
            CompletionStage<JobStatus> call;
            try {
                call = provider.poll(last.ref());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            call.whenComplete(this::onPolled);
        }

        void onPolled(JobStatus status, Throwable error) {
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
                result.completeExceptionally(cause);
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

        void stop() {
            JobScheduler.Cancellable p = pending;
            if (p != null) {
                p.cancel();
            }
            result.completeExceptionally(new VideoException(
                    "Stopped while waiting for video job " + last.ref().id()
                    + "; the job continues at the provider and can be fetched by its id",
                    provider.name(), last.ref().id(), null, true, null));
        }
    }
}
