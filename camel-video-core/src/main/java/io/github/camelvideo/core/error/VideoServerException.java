package io.github.camelvideo.core.error;

/** The provider failed with a server error (HTTP 5xx) or could not be reached on a call that is safe to repeat. */
public class VideoServerException extends VideoException {

    private final int status;

    public VideoServerException(String message, String provider, String jobId, String providerCode, int status,
                                Throwable cause) {
        super(message, provider, jobId, providerCode, true, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int getStatus() {
        return status;
    }
}
