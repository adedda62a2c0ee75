package io.github.camelvideo.core.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvideo.core.async.Failures;
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
 * failure, or {@link #shutdown()}; whichever comes first completes its stage exactly once. A push notification from
 * the provider ({@link #pollNow}) brings a job's next poll forward; the poll, not the notification, says how the job
 * stands.
 */
public final class JobTracker {

    /** Consecutive failed polls tolerated before the wait fails with the last error. */
    static final int MAX_CONSECUTIVE_POLL_FAILURES = 5;

    /** How long a notification for a job nobody waits for yet is kept, for a wait that starts just after it. */
    static final Duration EARLY_HINT_LIFETIME = Duration.ofMinutes(1);
    /** The most such notifications kept; a burst beyond it is not kept (the slow polls still find the jobs). */
    static final int MAX_EARLY_HINTS = 10_000;

    private final JobScheduler scheduler;
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();
    /** Notifications that arrived before their job's wait began (the create answer was still on its way), by job. */
    private final Map<String, Instant> earlyHints = new ConcurrentHashMap<>();

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
        if (earlyHints.remove(hintKey(provider.name(), current.ref().id())) != null) {
            wait.pollNow();
        }
        return wait.result;
    }

    /**
     * Polls a waited-for job now instead of at its next poll time, through the same path as every poll: the provider
     * said (by a push notification) that the job changed. What the poll reads decides; the notification itself
     * carries no state. A poll already in flight is followed by another as soon as it returns, so a change it could
     * not see yet is read too. Several notifications for one job cost at most one extra poll each.
     * <p>
     * A notification for a job this tracker does not wait for is kept for {@link #EARLY_HINT_LIFETIME}: a wait that
     * starts for the job within it polls at once (the job may finish before its create answer has been handled).
     * Finding the wait looks at each waiting job once: microseconds for thousands of them.
     *
     * @param providerName the name of the job's provider ({@link VideoProvider#name()})
     * @param jobId        the provider's job id
     * @return whether a wait for the job was found
     */
    public boolean pollNow(String providerName, String jobId) {
        if (hintWaits(providerName, jobId)) {
            return true;
        }
        String key = hintKey(providerName, jobId);
        keepEarlyHint(key);
        // a wait that began while the hint was being kept found it, or is found now: never neither
        if (hintWaits(providerName, jobId)) {
            earlyHints.remove(key);
            return true;
        }
        return false;
    }

    private boolean hintWaits(String providerName, String jobId) {
        boolean found = false;
        for (Wait w : waits) {
            if (w.isFor(providerName, jobId)) {
                w.pollNow();
                found = true;
            }
        }
        return found;
    }

    private void keepEarlyHint(String key) {
        Instant now = scheduler.now();
        if (earlyHints.size() >= MAX_EARLY_HINTS) {
            earlyHints.values().removeIf(at -> at.plus(EARLY_HINT_LIFETIME).isBefore(now));
        }
        if (earlyHints.size() < MAX_EARLY_HINTS) {
            earlyHints.put(key, now);
        }
    }

    private static String hintKey(String providerName, String jobId) {
        return providerName + '\n' + jobId;
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
        /** Whether a status read is in flight: one at a time per job. */
        final AtomicBoolean polling = new AtomicBoolean();
        /** Set by a notification; the next read after it goes out at once. */
        volatile boolean hinted;
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

        boolean isFor(String providerName, String jobId) {
            return provider.name().equals(providerName) && last.ref().id().equals(jobId);
        }

        /** Brings the next poll forward to now, on the scheduler's threads (never the notifying thread). */
        void pollNow() {
            hinted = true;
            if (result.isDone() || polling.get()) {
                return; // the poll in flight is followed by another when it returns
            }
            cancel(pending);
            scheduleIn(Duration.ZERO);
        }

        void poll() {
            if (result.isDone()) {
                return;
            }
            if (!polling.compareAndSet(false, true)) {
                hinted = true; // a notification's poll met a scheduled one: read once more after it
                return;
            }
            hinted = false; // this read sees whatever the notification announced
            try {
                polls++;
                provider.poll(last.ref()).whenComplete(this::onPolled);
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void onPolled(JobStatus status, Throwable error) {
            polling.set(false);
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
            } else if (hinted) {
                scheduleIn(Duration.ZERO); // notified while this read was in flight: it may have read too early
            } else if (status.unannounced()) {
                // no notification will bring this read forward: poll as if push were off
                scheduleIn(policy.forUnannounced().nextDelay(polls, status.pollAfter(),
                        ThreadLocalRandom.current()::nextDouble));
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
