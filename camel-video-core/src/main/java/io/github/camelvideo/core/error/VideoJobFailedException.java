package io.github.camelvideo.core.error;

/** The provider accepted the job but reports that it failed. */
public class VideoJobFailedException extends VideoException {

    public VideoJobFailedException(String message, String provider, String jobId, String providerCode,
                                   boolean retryable) {
        super(message, provider, jobId, providerCode, retryable, null);
    }
}
