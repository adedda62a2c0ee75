package io.github.camelvideo.core.camel;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import io.github.camelvideo.core.download.VideoDownloader;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.job.JobLeases;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.job.JobTracker;
import io.github.camelvideo.core.job.SubmissionPolicy;
import io.github.camelvideo.core.job.VideoJobRunner;
import io.github.camelvideo.core.poll.ExecutorJobScheduler;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.storyboard.StoryboardRunner;

/**
 * The job engine of one component instance: a fixed set of threads from Camel's {@link ExecutorServiceManager} shared
 * by every endpoint and every waiting job. The number of threads depends neither on how many jobs wait nor on the
 * number of CPUs: with the defaults it is 1 timer + 4 HTTP + 8 worker threads + 1 thread renewing job store leases,
 * plus the HTTP client's I/O thread and its connection dispatcher, 16 in all.
 * <p>
 * No queue of the engine is bounded, so a burst of jobs or continuations is never rejected: a waiting job is one
 * timer in the timer's unbounded delay queue (Camel's default thread pool profile would cap it at 1,000 tasks), and
 * due timers and HTTP continuations queue for the fixed pools in unbounded queues. The queues hold small tasks;
 * the number of jobs allowed to run at once is bounded elsewhere ({@code maxConcurrentJobs}, {@code maxConnections}).
 */
public final class VideoEngine {

    private final CamelContext context;
    private final ScheduledExecutorService schedulerExecutor;
    private final ExecutorService httpExecutor;
    private final ExecutorService workerExecutor;
    private final ExecutorService leaseExecutor;
    private final JobScheduler scheduler;
    private final HttpTransport http;
    private final JobTracker tracker;
    private final VideoJobRunner runner;
    private final StoryboardRunner storyboards;
    private final JobLeases leases;

    private VideoEngine(CamelContext context, Object owner, String name, EngineSettings settings, JobStore store,
                        Duration leaseDuration) {
        this.context = context;
        ExecutorServiceManager manager = context.getExecutorServiceManager();
        this.schedulerExecutor = timer(manager, owner, name + "Scheduler");
        this.httpExecutor = fixedPool(manager, owner, name + "Http", settings.httpThreads());
        this.workerExecutor = fixedPool(manager, owner, name + "Worker", settings.workerThreads());
        // due timers go to the HTTP pool, which runs only the engine's own non-blocking code: routes continue on
        // the worker pool and may block there (a slow upload), which must not delay polls and timeouts
        this.scheduler = new ExecutorJobScheduler(schedulerExecutor, httpExecutor);
        this.http = new HttpTransport(httpExecutor, settings.maxConnections(), settings.connectTimeout(),
                settings.requestTimeout(), settings.connectionIdleTimeout());
        this.tracker = new JobTracker(scheduler);
        // renewals get a thread of their own: queued behind slow store calls on the worker pool, a renewal could
        // come after its lease expired, and another instance would take over a job this one still follows
        this.leaseExecutor = store == null ? null : fixedPool(manager, owner, name + "Leases", 1);
        this.leases = store == null ? null
                : new JobLeases(store, JobLeases.newOwner(), leaseDuration, scheduler, leaseExecutor);
        this.runner = new VideoJobRunner(scheduler,
                new SubmissionPolicy(scheduler, settings.maxSubmitAttempts(), Duration.ofMillis(500)), tracker,
                new VideoDownloader(http, settings.maxDownloadResumes()), workerExecutor, leases);
        if (leases != null) {
            leases.start();
        }
        this.storyboards = new StoryboardRunner(runner, workerExecutor);
    }

    /** One timer thread over an unbounded delay queue; a cancelled timer leaves the queue at once. */
    private static ScheduledExecutorService timer(ExecutorServiceManager manager, Object owner, String name) {
        ThreadPoolProfile profile = profile(name, 1);
        profile.setMaxQueueSize(-1); // a scheduled pool's queue: 0 or less is unbounded
        ScheduledExecutorService timer = manager.newScheduledThreadPool(owner, name, profile);
        ScheduledThreadPoolExecutor delegate = timer instanceof SizedScheduledExecutorService sized
                ? sized.getScheduledThreadPoolExecutor()
                : timer instanceof ScheduledThreadPoolExecutor plain ? plain : null;
        if (delegate != null) {
            // every finished job cancels its deadline timer; without this it would stay queued until due
            delegate.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    /** A fixed number of threads over an unbounded queue. */
    private static ExecutorService fixedPool(ExecutorServiceManager manager, Object owner, String name, int size) {
        ThreadPoolProfile profile = profile(name, size);
        // for a plain pool 0 or less would mean no queue at all: "unbounded" is the largest size
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        return manager.newThreadPool(owner, name, profile);
    }

    private static ThreadPoolProfile profile(String name, int size) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(size);
        profile.setMaxPoolSize(size);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /** Creates an engine whose threads belong to {@code owner} (for Camel's thread naming and shutdown). */
    public static VideoEngine start(CamelContext context, Object owner, String name, EngineSettings settings) {
        return new VideoEngine(context, owner, name, settings, null, null);
    }

    /**
     * Creates an engine whose jobs are leased to this instance in {@code store} for {@code leaseDuration} at a time,
     * renewed while it works on them.
     */
    public static VideoEngine start(CamelContext context, Object owner, String name, EngineSettings settings,
                                    JobStore store, Duration leaseDuration) {
        return new VideoEngine(context, owner, name, settings, store, leaseDuration);
    }

    /** The leases of this instance on the jobs it works on, or {@code null} when the engine keeps none. */
    public JobLeases leases() {
        return leases;
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

    /**
     * The most threads each of the engine's pools has run at once since it started (the HTTP client's own I/O and
     * dispatcher threads, two per engine, are not counted).
     */
    public EngineThreads largestThreads() {
        return new EngineThreads(largest(schedulerExecutor), largest(httpExecutor), largest(workerExecutor));
    }

    private static int largest(ExecutorService pool) {
        if (pool instanceof SizedScheduledExecutorService sized) {
            return sized.getScheduledThreadPoolExecutor().getLargestPoolSize();
        }
        return pool instanceof ThreadPoolExecutor tpe ? tpe.getLargestPoolSize() : -1;
    }

    /**
     * Thread counts of an engine's pools.
     *
     * @param timer  the timer thread
     * @param http   threads running due timers, HTTP work and response handling
     * @param worker threads on which routes continue
     */
    public record EngineThreads(int timer, int http, int worker) {

        /** All of them. */
        public int total() {
            return timer + http + worker;
        }
    }

    /** Ends all waits (their exchanges fail with the job id kept) and stops the threads. */
    public void stop() {
        if (leases != null) {
            leases.stop(); // the jobs still held are given up, for a restarted or another instance to take over
        }
        tracker.shutdown();
        http.close();
        ExecutorServiceManager manager = context.getExecutorServiceManager();
        manager.shutdownNow(schedulerExecutor);
        manager.shutdown(httpExecutor);
        manager.shutdown(workerExecutor);
        if (leaseExecutor != null) {
            manager.shutdown(leaseExecutor);
        }
    }
}
