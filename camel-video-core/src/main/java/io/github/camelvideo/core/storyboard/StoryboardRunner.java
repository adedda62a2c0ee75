package io.github.camelvideo.core.storyboard;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.github.camelvideo.core.job.VideoJobRunner;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * Makes one video of a storyboard's scenes: as an extension chain (the first scene generated, each next one extending
 * the video so far) or stitched (each scene generated from the previous scene's last frame, the clips joined without
 * re-encoding). Each scene is an ordinary job of the {@link VideoJobRunner}, recorded in the job store under a key
 * derived from the storyboard's, so a repeated attempt reuses the scenes that completed. Nothing holds a thread while a
 * scene waits; decoding a last frame and joining clips run on the worker executor.
 */
public final class StoryboardRunner {

    private final VideoJobRunner jobs;
    private final Executor worker;

    /**
     * @param jobs   runs each scene's job
     * @param worker where frames are decoded and clips joined (never a scheduler or HTTP thread)
     */
    public StoryboardRunner(VideoJobRunner jobs, Executor worker) {
        this.jobs = jobs;
        this.worker = worker;
    }

    /**
     * Checks the storyboard, then runs it.
     *
     * @throws io.github.camelvideo.core.error.VideoRequestInvalidException when the storyboard cannot be made; thrown
     *         before anything is paid for
     * @return a stage of the finished storyboard, failed with a
     *         {@link io.github.camelvideo.core.error.VideoStoryboardException} when a scene fails
     */
    public <R extends VideoJobRequest> CompletionStage<StoryboardOutcome> run(VideoProvider<R> provider,
                                                                            SceneRequests<R> requests,
                                                                            Storyboard storyboard, StoryboardMode mode,
                                                                            StoryboardOptions options,
                                                                            StoryboardListener listener) {
        StoryboardRun<R> run = new StoryboardRun<>(jobs, worker, provider, requests, storyboard, options, listener);
        run.prepare(mode);
        return run.start();
    }
}
