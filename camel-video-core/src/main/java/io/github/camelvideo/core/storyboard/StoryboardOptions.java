package io.github.camelvideo.core.storyboard;

import java.nio.file.Path;

import io.github.camelvideo.core.async.AsyncPermits;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.job.SpendCap;
import io.github.camelvideo.core.poll.PollPolicy;

/**
 * How one storyboard is run.
 *
 * @param outputDirectory where the video goes (scene clips are kept in a hidden directory inside it until joined)
 * @param pollPolicy      the poll schedule and total timeout of each scene
 * @param idempotencyKey  the storyboard's key: each scene's job is recorded under a key derived from it
 * @param admission       permits bounding how many jobs run at once
 * @param store           where scene jobs are recorded
 * @param spendCap        the spending limit each scene's job must fit under when it is submitted, or {@code null}
 */
public record StoryboardOptions(Path outputDirectory, PollPolicy pollPolicy, String idempotencyKey,
                                AsyncPermits admission, JobStore store, SpendCap spendCap) {

    /** Options without a spending limit. */
    public StoryboardOptions(Path outputDirectory, PollPolicy pollPolicy, String idempotencyKey,
                             AsyncPermits admission, JobStore store) {
        this(outputDirectory, pollPolicy, idempotencyKey, admission, store, null);
    }
}
