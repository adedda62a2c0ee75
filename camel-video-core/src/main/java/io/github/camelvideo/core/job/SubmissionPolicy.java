package io.github.camelvideo.core.job;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.async.Delays;
import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * Sends create calls, which cost money. A create is sent again only when it certainly was not accepted: the
 * connection was refused or never opened, the connection closed before the request was written (sent again at once,
 * on a fresh connection), or the server answered 429. A timeout, a dropped connection or a 5xx after the request went
 * out leaves the outcome unknown: the provider's recent jobs are then searched for one created by this request
 * ({@link VideoProvider#reconcile}); exactly one match is adopted as the submission's job, otherwise the outcome
 * becomes {@link VideoSubmissionInDoubtException}. Nothing in doubt is ever re-sent.
 */
public final class SubmissionPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionPolicy.class);

    /** A Retry-After longer than this is not waited for; the rate-limit error goes to the route instead. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);
    /** How far before the submission a matching job's creation time may be: the client's and server's clocks differ. */
    static final Duration RECONCILE_SLACK = Duration.ofSeconds(60);
    /** How many recently adopted or created job ids are remembered so that reconciliation does not take them. */
    private static final int REMEMBERED_JOBS = 10_000;

    private final JobScheduler scheduler;
    private final int maxAttempts;
    private final Duration backoff;
    private final Set<String> knownJobs = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_JOBS;
                }
            }));

    /**
     * @param maxAttempts total create calls allowed for one submission (1 = never re-send)
     * @param backoff     first delay between attempts when the server gave no hint; doubles per attempt
     */
    public SubmissionPolicy(JobScheduler scheduler, int maxAttempts, Duration backoff) {
        this.scheduler = scheduler;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
    }

    public <R extends VideoJobRequest> CompletionStage<JobStatus> submit(VideoProvider<R> provider, R request) {
        Instant startedAt = scheduler.now();
        return attempt(provider, request, 1, startedAt).thenApply(this::remember);
    }

    private JobStatus remember(JobStatus status) {
        if (status != null && status.ref() != null) {
            knownJobs.add(status.ref().provider() + "/" + status.ref().id());
        }
        return status;
    }

    private <R extends VideoJobRequest> CompletionStage<JobStatus> attempt(VideoProvider<R> provider, R request,
                                                                           int n, Instant startedAt) {
        CompletionStage<JobStatus> call;
        try {
            call = provider.submit(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call.handle((status, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(status);
            }
            Throwable cause = Failures.unwrap(error);
            Duration wait = retryDelay(cause, n);
            if (wait != null) {
                LOG.info("Create call to {} not accepted ({}); sending again in {} ms (attempt {} of {})",
                        provider.name(), cause.getMessage(), wait.toMillis(), n + 1, maxAttempts);
                return wait.isZero() ? attempt(provider, request, n + 1, startedAt)
                        : Delays.after(scheduler, wait).thenCompose(x -> attempt(provider, request, n + 1, startedAt));
            }
            if (inDoubt(cause)) {
                return reconcile(provider, request, startedAt, cause);
            }
            return CompletableFuture.<JobStatus> failedFuture(classify(provider.name(), cause));
        }).thenCompose(s -> s);
    }

    /** The delay before a safe re-send, or {@code null} when the failure must not be re-sent. */
    private Duration retryDelay(Throwable cause, int attempt) {
        if (attempt >= maxAttempts) {
            return null;
        }
        Duration exponential = backoff.multipliedBy(1L << Math.min(attempt - 1, 10));
        if (cause instanceof VideoRateLimitedException rl) {
            Duration hint = rl.getRetryAfter();
            if (hint != null && hint.compareTo(MAX_RETRY_AFTER) > 0) {
                return null;
            }
            return hint != null ? hint : exponential;
        }
        if (Failures.notWritten(cause)) {
            return Duration.ZERO; // a stale pooled connection: the next attempt gets a fresh one at once
        }
        return Failures.certainlyNotSent(cause) ? exponential : null;
    }

    /** Whether the create may have been accepted: it was sent and no answer says how it ended. */
    static boolean inDoubt(Throwable cause) {
        return !Failures.certainlyNotSent(cause) && (cause instanceof VideoServerException
                                                      || cause instanceof IOException);
    }

    /** Searches the provider's recent jobs for the one this create made; adopts exactly one match. */
    private <R extends VideoJobRequest> CompletionStage<JobStatus> reconcile(VideoProvider<R> provider, R request,
                                                                             Instant startedAt, Throwable cause) {
        CompletionStage<List<JobStatus>> found;
        try {
            found = provider.reconcile(request, startedAt.minus(RECONCILE_SLACK));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(inDoubt(provider.name(), cause, "its jobs could not be listed: " + e));
        }
        return found.handle((matches, listError) -> {
            if (listError != null) {
                throw inDoubt(provider.name(), cause, "its jobs could not be listed: "
                                                      + Failures.unwrap(listError).getMessage());
            }
            List<JobStatus> candidates = matches.stream()
                    .filter(s -> !knownJobs.contains(s.ref().provider() + "/" + s.ref().id())).toList();
            if (candidates.size() == 1) {
                JobStatus adopted = candidates.get(0);
                LOG.info("Create call to {} got no answer ({}); adopted job {}, which it created",
                        provider.name(), cause.getMessage(), adopted.ref().id());
                return adopted;
            }
            if (candidates.isEmpty()) {
                throw inDoubt(provider.name(), cause, provider.canReconcile()
                        ? "none of its recent jobs matches the request" : null);
            }
            throw inDoubt(provider.name(), cause, candidates.size() + " recent jobs match the request: "
                                                  + candidates.stream().map(s -> s.ref().id())
                                                          .collect(Collectors.joining(", ")));
        });
    }

    private static VideoSubmissionInDoubtException inDoubt(String provider, Throwable cause, String reconciliation) {
        return new VideoSubmissionInDoubtException("The create call to " + provider
                                                   + " was sent but its outcome is unknown (" + cause.getMessage()
                                                   + "). The provider may have accepted and may charge for the"
                                                   + " job; it was not sent again"
                                                   + (reconciliation == null ? "" : "; " + reconciliation)
                                                   + ". List the provider's jobs before retrying.",
                provider, cause);
    }

    private static Throwable classify(String provider, Throwable cause) {
        if (Failures.certainlyNotSent(cause)) {
            return cause instanceof VideoServerException ? cause
                    : new VideoServerException("Could not reach " + provider + ": " + cause, provider, null, null, 0,
                            cause);
        }
        return cause;
    }
}
