package io.github.camelvideo.core.error;

/**
 * Root of every failure the video components raise. Carries the provider, the provider's job id when a job
 * exists (so a route can resume or reconcile it), the provider's own error code and whether repeating the same
 * call later may succeed.
 */
public class VideoException extends RuntimeException {

    private final String provider;
    private final String jobId;
    private final String providerCode;
    private final boolean retryable;

    public VideoException(String message, String provider, String jobId, String providerCode, boolean retryable,
                          Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.jobId = jobId;
        this.providerCode = providerCode;
        this.retryable = retryable;
    }

    /** The provider name, such as {@code openai}. */
    public String getProvider() {
        return provider;
    }

    /** The provider's job id, or {@code null} when no job was created. */
    public String getJobId() {
        return jobId;
    }

    /** The provider's error code (for example {@code moderation_blocked}), or {@code null}. */
    public String getProviderCode() {
        return providerCode;
    }

    /** Whether the same call may succeed when repeated later. */
    public boolean isRetryable() {
        return retryable;
    }
}
