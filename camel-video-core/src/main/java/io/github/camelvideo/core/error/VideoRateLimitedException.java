package io.github.camelvideo.core.error;

import java.time.Duration;

/** The provider answered 429 (or its quota status). {@link #getRetryAfter()} says when to try again, if known. */
public class VideoRateLimitedException extends VideoException {

    private final Duration retryAfter;

    public VideoRateLimitedException(String message, String provider, String jobId, String providerCode,
                                     Duration retryAfter) {
        super(message, provider, jobId, providerCode, true, null);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After hint, or {@code null}. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
