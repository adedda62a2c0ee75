package io.github.camelvideo.core.job;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.spi.JobStatus;

/** Logs a job's progress at INFO each time its status or percentage changes. Never logs request details. */
public final class ProgressLog implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private volatile String lastSeen;

    @Override
    public void onSubmitted(JobStatus status) {
        LOG.info("Video job {} submitted to {} ({})", status.ref().id(), status.ref().provider(), status.status());
        lastSeen = key(status);
    }

    @Override
    public void onStatus(JobStatus status, Duration elapsed) {
        String key = key(status);
        if (!key.equals(lastSeen)) {
            lastSeen = key;
            LOG.info("Video job {} {} {} after {}s", status.ref().id(), status.status(),
                    status.progress() == null ? "(progress unknown)" : status.progress() + "%",
                    elapsed.toMillis() / 1000.0);
        }
    }

    private static String key(JobStatus s) {
        return s.status() + "/" + s.progress();
    }
}
