package io.github.camelvideo.core.storyboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoStoryboardException;
import io.github.camelvideo.core.job.JobOptions;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.job.VideoJobRunner;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.media.LastFrame;
import io.github.camelvideo.core.media.Mp4Join;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;

/** The state of one storyboard while it runs: the scenes done so far and what the next scene starts from. */
final class StoryboardRun<R extends VideoJobRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(StoryboardRun.class);

    private final VideoJobRunner jobs;
    private final Executor worker;
    private final VideoProvider<R> provider;
    private final SceneRequests<R> requests;
    private final Storyboard storyboard;
    private final StoryboardOptions options;
    private final StoryboardListener listener;
    private final int sceneCount;
    private final List<SceneResult> completed = new ArrayList<>();
    private final List<Path> clips = new ArrayList<>();

    private boolean fallBackAllowed;
    private StoryboardMode mode;
    private List<Integer> seconds;
    private StoryboardFiles files;
    private JobStatus previous;
    private Path previousFile;

    StoryboardRun(VideoJobRunner jobs, Executor worker, VideoProvider<R> provider, SceneRequests<R> requests,
                  Storyboard storyboard, StoryboardOptions options, StoryboardListener listener) {
        this.jobs = jobs;
        this.worker = worker;
        this.provider = provider;
        this.requests = requests;
        this.storyboard = storyboard;
        this.options = options;
        this.listener = listener;
        this.sceneCount = storyboard.scenes().size();
    }

    /** Chooses the way of making the video and checks the storyboard for it; throws before anything is paid for. */
    void prepare(StoryboardMode requested) {
        StoryboardLimits limits = requests.limits();
        if (requested == StoryboardMode.auto) {
            chooseAutomatically(limits);
        } else {
            mode = requested;
            seconds = StoryboardCheck.check(storyboard, limits, chained());
        }
        if (chained()) {
            requests.checkExtensions();
        }
        checkGeneratedScenes();
    }

    /** The extension chain when the scenes fit it, else stitching when they fit that; an error names both. */
    private void chooseAutomatically(StoryboardLimits limits) {
        try {
            seconds = StoryboardCheck.check(storyboard, limits, true);
            mode = StoryboardMode.extend;
            fallBackAllowed = sceneCount > 1;
        } catch (VideoRequestInvalidException chainError) {
            try {
                seconds = StoryboardCheck.check(storyboard, limits, false);
            } catch (VideoRequestInvalidException stitchError) {
                throw new VideoRequestInvalidException(chainError.getMessage() + " when each scene extends the"
                                                       + " video; when each scene is generated on its own: "
                                                       + stitchError.getMessage(), "scenes");
            }
            mode = StoryboardMode.stitch;
            LOG.info("The storyboard's scene lengths fit generating each scene on its own, not extending: stitching");
        }
    }

    /** Builds every request that does not depend on an earlier scene, so the component checks its options now. */
    private void checkGeneratedScenes() {
        for (int scene = 1; scene <= sceneCount; scene++) {
            StoryboardCheck.checkPromptLength(scene, storyboard.promptOf(scene), requests.maxPromptLength());
        }
        requests.generate(storyboard.promptOf(1), seconds.get(0), storyboard.firstFrame(), null);
        for (int scene = 2; !chained() && scene <= sceneCount; scene++) {
            requests.generate(storyboard.promptOf(scene), seconds.get(scene - 1), null, null);
        }
    }

    CompletionStage<StoryboardOutcome> start() {
        files = StoryboardFiles.create(options.outputDirectory());
        CompletionStage<StoryboardOutcome> run;
        try {
            run = scene(1).thenCompose(v -> finish());
        } catch (RuntimeException e) {
            // the working directory exists already: it must not outlive a run that failed before its first stage
            files.delete();
            throw e;
        }
        return run.whenComplete((outcome, error) -> files.delete());
    }

    private boolean chained() {
        return mode == StoryboardMode.extend;
    }

    private CompletionStage<Void> scene(int number) {
        if (number > sceneCount) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<R> request = attempt(() -> request(number))
                .exceptionallyCompose(error -> failed(number, error)); // bad input of this scene: no fallback
        return request.thenCompose(r -> runJob(number, r)).handle((outcome, error) -> {
            if (error == null) {
                record(number, outcome);
                return scene(number + 1);
            }
            Throwable cause = unwrap(error);
            if (cause instanceof VideoStoryboardException) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            if (number == 2 && fallBackAllowed && cause instanceof VideoRequestInvalidException) {
                return fallBackToStitch(cause);
            }
            return CompletableFuture.<Void>failedFuture(sceneFailure(number, cause));
        }).thenCompose(Function.identity());
    }

    private CompletionStage<R> request(int number) {
        String prompt = storyboard.promptOf(number);
        int length = seconds.get(number - 1);
        if (number == 1) {
            return CompletableFuture.completedFuture(
                    requests.generate(prompt, length, storyboard.firstFrame(), null));
        }
        JobStatus before = previous;
        Path clip = previousFile;
        // built on the worker pool: an extension may read the previous video, a stitched scene decodes its last frame
        if (chained()) {
            return CompletableFuture.supplyAsync(() -> requests.extend(prompt, length, before, clip), worker);
        }
        return CompletableFuture.supplyAsync(() -> requests.generate(prompt, length, lastFrame(clip), before),
                worker);
    }

    private static ImageInput lastFrame(Path clip) {
        try {
            return ImageInput.of(LastFrame.png(clip), "firstFrame");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompletionStage<JobOutcome> runJob(int number, R request) {
        boolean download = !chained() || number == sceneCount || requests.extendsFromFile();
        String key = options.idempotencyKey() == null ? null
                : options.idempotencyKey() + "/scene-" + number + "/" + request.fingerprint();
        JobOptions job = new JobOptions(true, download, files.workDirectory(), clipName(number), "video",
                options.pollPolicy(), key).resubmittingFailed().partOf(options.idempotencyKey())
                .withSpendCap(options.spendCap());
        int before = seconds.subList(0, number - 1).stream().mapToInt(Integer::intValue).sum();
        int total = seconds.stream().mapToInt(Integer::intValue).sum();
        SceneProgress progress = new SceneProgress(number, sceneCount, before, seconds.get(number - 1), total,
                listener);
        return jobs.run(provider, request, job, options.admission(), options.store(), requests.estimate(request),
                progress);
    }

    private void record(int number, JobOutcome outcome) {
        previous = outcome.status();
        previousFile = outcome.file() == null ? null : outcome.file().path();
        if (!chained()) {
            clips.add(previousFile);
        }
        SceneResult result = new SceneResult(number, previous.ref().id(), seconds.get(number - 1), outcome.cost());
        completed.add(result);
        listener.onSceneCompleted(result, List.copyOf(completed));
    }

    /**
     * The server refused the first extension (it has none): scene 1 stays, and the rest is generated scene by scene.
     */
    private CompletionStage<Void> fallBackToStitch(Throwable refusal) {
        LOG.warn("The server refused the video extension of storyboard scene 2 ({}); generating each scene on its"
                 + " own from the previous scene's last frame and joining the clips", refusal.getMessage());
        try {
            seconds = StoryboardCheck.check(storyboard, requests.limits(), false);
        } catch (VideoRequestInvalidException e) {
            return CompletableFuture.failedFuture(sceneFailure(2, new VideoRequestInvalidException("The server has"
                    + " no video extensions (" + refusal.getMessage() + "), so each scene must be generated on its"
                    + " own, and: " + e.getMessage(), "scenes")));
        }
        mode = StoryboardMode.stitch;
        JobOptions download = new JobOptions(true, true, files.workDirectory(), clipName(1), "video",
                options.pollPolicy(), null);
        return jobs.download(provider, previous.ref(), download)
                .exceptionallyCompose(error -> failed(2, error))
                .thenCompose(file -> {
                    previousFile = file.path();
                    clips.add(previousFile);
                    return scene(2);
                });
    }

    private CompletionStage<StoryboardOutcome> finish() {
        String lastJobId = previous.ref().id();
        CompletionStage<Path> video = chained() || clips.size() == 1
                ? CompletableFuture.completedFuture(previousFile)
                : CompletableFuture.supplyAsync(this::joinClips, worker);
        return video.thenApplyAsync(path -> publish(path, lastJobId), worker)
                .exceptionallyCompose(error -> failed(sceneCount, error))
                .thenApply(file -> new StoryboardOutcome(file, previous, completed, mode));
    }

    private Path joinClips() {
        Path joined = files.inWork("storyboard.mp4");
        try {
            Mp4Join.join(clips, joined);
            return joined;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot join the scene clips", e);
        }
    }

    private DownloadedFile publish(Path video, String lastJobId) {
        try {
            return files.publish(video, lastJobId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the storyboard video into place", e);
        }
    }

    private <T> CompletionStage<T> failed(int number, Throwable error) {
        Throwable cause = unwrap(error);
        return CompletableFuture.failedFuture(cause instanceof VideoStoryboardException ? cause
                : sceneFailure(number, cause));
    }

    private VideoStoryboardException sceneFailure(int number, Throwable cause) {
        return new VideoStoryboardException(number, sceneCount, completed.stream().map(SceneResult::jobId).toList(),
                provider.name(), cause);
    }

    private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String clipName(int number) {
        return "scene-" + number + ".mp4";
    }
}
