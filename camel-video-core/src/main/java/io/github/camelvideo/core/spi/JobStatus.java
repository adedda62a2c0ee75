package io.github.camelvideo.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one job as the provider reported it.
 *
 * @param ref       the job handle
 * @param state     provider-neutral state
 * @param status    the provider's own status word (for example {@code in_progress})
 * @param progress  percent complete 0-100, or {@code null} when the provider does not report progress
 * @param model     model id, when reported
 * @param seconds   video length in seconds, when reported
 * @param size      video size or resolution, when reported
 * @param expiresAt when the results stop being downloadable, or {@code null}
 * @param error     the error of a failed job, or {@code null}
 * @param pollAfter the server's hint for the next poll, or {@code null}
 * @param body      the provider's own representation of the job, handed to routes as the message body
 * @param unannounced whether no push notification will announce the job's next change (a phase the provider
 *                  never calls back, such as a version it prepares after the job's end): with push completion on,
 *                  such a job is polled on the regular schedule rather than the safety net's
 */
public record JobStatus(
        JobRef ref,
        JobState state,
        String status,
        Integer progress,
        String model,
        Integer seconds,
        String size,
        Instant expiresAt,
        JobError error,
        Duration pollAfter,
        Object body,
        boolean unannounced) {

    /** A snapshot whose next change, when push completion is on, a notification announces. */
    public JobStatus(JobRef ref, JobState state, String status, Integer progress, String model, Integer seconds,
                     String size, Instant expiresAt, JobError error, Duration pollAfter, Object body) {
        this(ref, state, status, progress, model, seconds, size, expiresAt, error, pollAfter, body, false);
    }

    /** Where the job's video is, when the provider's representation says ({@link VideoLocation}). */
    public Optional<String> videoUrl() {
        return body instanceof VideoLocation location ? Optional.ofNullable(location.videoUrl())
                : Optional.empty();
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** Returns the same snapshot with the server's poll hint replaced. */
    public JobStatus withPollAfter(Duration hint) {
        return new JobStatus(ref, state, status, progress, model, seconds, size, expiresAt, error, hint, body,
                unannounced);
    }

    /** Returns the same snapshot marked as one whose next change no push notification announces. */
    public JobStatus asUnannounced() {
        return new JobStatus(ref, state, status, progress, model, seconds, size, expiresAt, error, pollAfter, body,
                true);
    }
}
