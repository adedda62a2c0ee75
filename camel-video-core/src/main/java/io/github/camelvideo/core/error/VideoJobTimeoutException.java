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

    /** The last status seen before the deadline. */
    public String getLastStatus() {
        return lastStatus;
    }
}
