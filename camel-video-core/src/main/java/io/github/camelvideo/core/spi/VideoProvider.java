package io.github.camelvideo.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.webhook.WebhookProtocol;

/**
 * One video generation wire protocol. Implementations only translate between the engine's model and the provider's
 * HTTP API; waiting, retries, downloads and bookkeeping are the engine's.
 *
 * <p>Every method is asynchronous and must not block the calling thread. A failed stage carries a
 * {@link io.github.camelvideo.core.error.VideoException}, or an {@link java.io.IOException} for transport failures.
 *
 * @param <R> the provider's create request type
 */
public interface VideoProvider<R extends VideoJobRequest> {

    /** The provider name used in job handles, logs and exceptions, such as {@code openai}. */
    String name();

    /** Sends the create call once. The engine decides whether a failure may be re-sent. */
    CompletionStage<JobStatus> submit(R request);

    /** Fetches the current state of a job. Safe to repeat. */
    CompletionStage<JobStatus> poll(JobRef ref);

    /** Says where the given result variant of a finished job can be downloaded. */
    DownloadSource downloadSource(JobStatus status, String variant);

    /**
     * Looks for jobs the provider created, at or after {@code since}, from a create call like {@code request}: the
     * engine asks when a create's outcome is unknown (sent, no answer) and adopts the job when exactly one matches,
     * instead of reporting the submission in doubt or paying twice. Only protocols that can list recent jobs
     * implement it; the default finds nothing, and the submission stays in doubt.
     *
     * @param since the earliest creation time a match may have (the submission's start less a clock-skew margin)
     * @return the matching jobs, newest first; empty when none match or the protocol cannot list jobs
     */
    default CompletionStage<List<JobStatus>> reconcile(R request, Instant since) {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * Looks for jobs the provider created, at or after {@code since}, from a create call with the given
     * {@link VideoJobRequest#requestFields() request fields}: used after a restart for a job whose create request was
     * recorded but whose answer never was. The default finds nothing.
     *
     * @return the matching jobs, newest first
     */
    default CompletionStage<List<JobStatus>> reconcile(java.util.Map<String, String> requestFields, Instant since) {
        return CompletableFuture.completedFuture(List.of());
    }

    /** Whether {@link #reconcile} can find jobs: the protocol lists recent jobs. */
    default boolean canReconcile() {
        return false;
    }

    /**
     * Makes one cheap read that needs valid credentials and is never billed (a list of one job, a model's
     * description), for the health check: it completes when the provider answered and accepted the credentials, and
     * fails as a call does otherwise ({@link io.github.camelvideo.core.error.VideoAuthenticationException} for refused
     * credentials, an {@link java.io.IOException} when unreachable). Only protocols with such a read implement it;
     * the default reads nothing.
     *
     * @param model the model the endpoint uses, for protocols whose cheap read is about a model
     */
    default CompletionStage<Void> checkAccess(String model) {
        return CompletableFuture.completedFuture(null);
    }

    /** Whether {@link #checkAccess} makes a read, so that a health check can be based on it. */
    default boolean canCheckAccess() {
        return false;
    }

    /**
     * An optional capability of this provider, such as {@link JobListing} or {@link JobDeletion}: what a producer asks
     * for, instead of knowing the provider's class, before it offers an operation that not every protocol has. By
     * default, the provider has a capability when it implements its interface.
     *
     * @return the capability, or empty when this provider does not have it
     * @see Capabilities#require
     */
    default <C> Optional<C> capability(Class<C> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /**
     * How this provider pushes job notifications, or {@code null} (the default) when it has no push completion: then
     * setting webhookPath fails at start.
     */
    default WebhookProtocol webhookProtocol() {
        return null;
    }

    /**
     * Frees what the provider holds for a status whose result will not be downloaded, such as a result that came
     * inline in the status response and was spooled to a temporary file. Nothing by default.
     */
    default void release(JobStatus status) {
    }
}
