package io.github.camelvideo.core.camel;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;

import io.github.camelvideo.core.download.VideoDownloader;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.job.JobTracker;
import io.github.camelvideo.core.job.SubmissionPolicy;
import io.github.camelvideo.core.job.VideoJobRunner;
import io.github.camelvideo.core.poll.ExecutorJobScheduler;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.storyboard.StoryboardRunner;

/**
 * The job engine of one component instance: a fixed set of threads from Camel's {@link ExecutorServiceManager} (one
 * scheduler, a small HTTP pool and a small pool that resumes routes) shared by every endpoint and every waiting job.
 * The number of threads does not depend on how many jobs are waiting.
 */
public final class VideoEngine {

    private final CamelContext context;
    private final ScheduledExecutorService schedulerExecutor;
    private final ExecutorService httpExecutor;
    private final ExecutorService workerExecutor;
    private final JobScheduler scheduler;
    private final HttpTransport http;
    private final JobTracker tracker;
    private final VideoJobRunner runner;
    private final StoryboardRunner storyboards;

    private VideoEngine(CamelContext context, Object owner, String name, EngineSettings settings) {
        this.context = context;
        ExecutorServiceManager manager = context.getExecutorServiceManager();
        this.schedulerExecutor = manager.newSingleThreadScheduledExecutor(owner, name + "Scheduler");
        this.httpExecutor = manager.newFixedThreadPool(owner, name + "Http", settings.httpThreads());
        this.workerExecutor = manager.newFixedThreadPool(owner, name + "Worker", settings.workerThreads());
        this.scheduler = new ExecutorJobScheduler(schedulerExecutor);
        this.http = new HttpTransport(httpExecutor, settings.maxConnections(), settings.connectTimeout(),
                settings.requestTimeout());
        this.tracker = new JobTracker(scheduler);
        this.runner = new VideoJobRunner(scheduler,
                new SubmissionPolicy(scheduler, settings.maxSubmitAttempts(), Duration.ofMillis(500)), tracker,
                new VideoDownloader(http, settings.maxDownloadResumes()));
        this.storyboards = new StoryboardRunner(runner, workerExecutor);
    }

    /** Creates an engine whose threads belong to {@code owner} (for Camel's thread naming and shutdown). */
    public static VideoEngine start(CamelContext context, Object owner, String name, EngineSettings settings) {
        return new VideoEngine(context, owner, name, settings);
    }

    public HttpTransport http() {
        return http;
    }

    public JobScheduler scheduler() {
        return scheduler;
    }

    public JobTracker tracker() {
        return tracker;
    }

    public VideoJobRunner runner() {
        return runner;
    }

    public StoryboardRunner storyboards() {
        return storyboards;
    }

    /** The pool on which routes continue after a job completes, so HTTP threads are never used for routing. */
    public ExecutorService workerExecutor() {
        return workerExecutor;
    }

    /** Ends all waits (their exchanges fail with the job id kept) and stops the threads. */
    public void stop() {
        tracker.shutdown();
        ExecutorServiceManager manager = context.getExecutorServiceManager();
        manager.shutdownNow(schedulerExecutor);
        manager.shutdown(httpExecutor);
        manager.shutdown(workerExecutor);
    }
}
