package io.github.camelvideo.core.job;

import java.time.Duration;

import io.github.camelvideo.core.spi.JobStatus;

/** Callbacks from the engine while one job runs. Called from engine threads; implementations must be quick. */
public interface JobListener {

    /** The provider accepted the job (or an earlier job was re-attached); its id is known from now on. */
    default void onSubmitted(JobStatus status) {
    }

    /** A poll returned; called for every poll, including the final one. */
    default void onStatus(JobStatus status, Duration elapsed) {
    }

    JobListener NONE = new JobListener() {
    };
}
