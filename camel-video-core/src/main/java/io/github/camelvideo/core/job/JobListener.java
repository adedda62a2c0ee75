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

    /** A listener telling this one first, then {@code next}. */
    default JobListener andThen(JobListener next) {
        JobListener first = this;
        return new JobListener() {
            @Override
            public void onSubmitted(JobStatus status) {
                first.onSubmitted(status);
                next.onSubmitted(status);
            }

            @Override
            public void onStatus(JobStatus status, Duration elapsed) {
                first.onStatus(status, elapsed);
                next.onStatus(status, elapsed);
            }
        };
    }
}
