package io.github.camelvideo.core.error;

import java.time.Duration;

/**
 * The job did not finish within the configured timeout. The job itself may still complete: the exception keeps its
 * id so that a route can fetch or download it later.
 */
public class VideoJobTimeoutException extends VideoException {

    private final String lastStatus;

    public VideoJobTimeoutException(String provider, String jobId, Duration timeout, String lastStatus) {
        super("Video job " + jobId + " did not finish within " + timeout + " (last status: " + lastStatus
              + "); the job may still complete and can be fetched by its id",
                provider, jobId, null, true, null);
        this.lastStatus = lastStatus;
    }

    private VideoJobTimeoutException(String message, String provider, String lastStatus) {
        super(message, provider, null, null, true, null);
        this.lastStatus = lastStatus;
    }

    /**
     * The timeout passed while the job still waited for a {@code maxConcurrentJobs} slot: nothing was submitted, so
     * nothing was paid and there is no job id.
     */
    public static VideoJobTimeoutException beforeSubmission(String provider, Duration timeout) {
        return new VideoJobTimeoutException("No video job was started within " + timeout
                                            + ": it was still waiting for a free maxConcurrentJobs slot; nothing"
                                            + " was submitted", provider, "not submitted");
    }

    /** The last status seen before the deadline. */
    public String getLastStatus() {
        return lastStatus;
    }
}
