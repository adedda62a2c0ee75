package io.github.camelvideo.core.push;

/** Where a verified event goes: a status read of the job it names, brought forward to now. */
@FunctionalInterface
public interface JobHints {

    /**
     * Reads the job's status now, through the same path as a poll.
     *
     * @param jobId the provider's job id the event named
     * @return whether this instance waits for the job
     */
    boolean pollNow(String jobId);
}
