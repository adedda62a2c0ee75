package io.github.camelvideo.core.job;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * Sends create calls, which cost money. A create is sent again only when it certainly was not accepted: the
 * connection was refused or never opened, or the server answered 429. A timeout, a dropped connection or a 5xx after
 * the request went out leaves the outcome unknown; that becomes {@link VideoSubmissionInDoubtException} and is never
 * re-sent silently.
 */
public final class SubmissionPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionPolicy.class);

    /** A Retry-After longer than this is not waited for; the rate-limit error goes to the route instead. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

    private final JobScheduler scheduler;
    private final int maxAttempts;
    private final Duration backoff;

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
        return attempt(provider, request, 1);
    }

    private <R extends VideoJobRequest> CompletionStage<JobStatus> attempt(VideoProvider<R> provider, R request,
                                                                           int n) {
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
                return Delays.after(scheduler, wait).thenCompose(x -> attempt(provider, request, n + 1));
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
        return Failures.certainlyNotSent(cause) ? exponential : null;
    }

    private static Throwable classify(String provider, Throwable cause) {
        if (Failures.certainlyNotSent(cause)) {
            return cause instanceof VideoServerException ? cause
                    : new VideoServerException("Could not reach " + provider + ": " + cause, provider, null, null, 0,
                            cause);
        }
        if (cause instanceof VideoServerException || cause instanceof IOException) {
            return new VideoSubmissionInDoubtException("The create call to " + provider
                                                       + " was sent but its outcome is unknown (" + cause.getMessage()
                                                       + "). The provider may have accepted and may charge for the"
                                                       + " job; it was not sent again. List the provider's jobs"
                                                       + " before retrying.",
                    provider, cause);
        }
        return cause;
    }
}
