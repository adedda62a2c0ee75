package io.github.camelvideo.core.error;

/** The result could not be downloaded completely, or what was served is not the expected media. */
public class VideoDownloadException extends VideoException {

    public VideoDownloadException(String message, String provider, String jobId, boolean retryable,
                                  Throwable cause) {
        super(message, provider, jobId, null, retryable, cause);
    }
}
