package io.github.camelvideo.core.spi;

/** The provider-neutral lifecycle of a video job. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
