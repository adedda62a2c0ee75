package io.github.camelvideo.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Many jobs waiting at once: threads, heap per waiting job and status reads per job, for this project and the
 * baselines, against one emulator whose jobs take {@link Scale#waitingJobDuration()} and which sends no poll hint
 * (so each client follows its own schedule). Nothing is downloaded: the waiting is measured.
 */
public final class WaitingScenario implements Scenario {

    @Override
    public String name() {
        return "waiting";
    }

    @Override
    public String description() {
        return "jobs waiting at once: all complete, engine threads, heap per waiting job, status reads per job";
    }

    @Override
    public List<Figure> run(Scale scale, Path work) throws Exception {
        List<Figure> figures = new ArrayList<>();
        Duration duration = scale.waitingJobDuration();
        double readsGoal = Math.ceil((double) duration.toMillis() / scale.enginePollMax().toMillis()) + 2;
        for (int jobs : scale.waitingJobs()) {
            for (int approach = 0; approach < Clients.count(); approach++) {
                // a new emulator for each run, with the same settings: connections and jobs left by the previous
                // approach do not weigh on the next
                try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(duration).pollAfterMs(0).start()) {
                    JobSpec spec = new JobSpec(emulator.baseUrl(), false, null, scale.sdkPollInterval(),
                            scale.routeDelay(), scale.enginePollInitial(), scale.enginePollMax(), 0);
                    JobClient client = Clients.all(spec).get(approach);
                    figures.addAll(measure(emulator, client, jobs, duration, readsGoal));
                }
            }
        }
        return figures;
    }

    private List<Figure> measure(VideoEmulator emulator, JobClient client, int jobs, Duration duration,
                                 double readsGoal) throws Exception {
        String load = jobs + " jobs";
        Progress.say("waiting: " + client.approach() + ", " + load);
        RequestCounter requests = new RequestCounter(emulator);
        java.util.Set<Long> aliveBefore = JvmProbe.liveThreadIds();
        long startedBefore = JvmProbe.threadsStarted();
        JobTally tally = new JobTally(jobs);
        long heapWaiting;
        long threads;
        long start = System.nanoTime();
        long deadline = deadlineMillis(duration);
        boolean allEnded;
        int completedBeforeSample;
        long waitingAtSample;
        long notEnded;
        try (client) {
            client.start();
            client.submit(jobs, tally);
            // all jobs waiting: every create has reached the emulator (a job that failed may never create)
            while (!tally.await(50) && requests.update().creates() < jobs - tally.failures()
                   && elapsedMillis(start) < deadline) {
                // the latch is the wait: it ends early if every job ended
            }
            completedBeforeSample = tally.completedCount();
            waitingAtSample = requests.creates() - completedBeforeSample - tally.failures();
            threads = Clients.threadsHeld(client, aliveBefore);
            requests.update();
            heapWaiting = JvmProbe.heapAfterGc();
            allEnded = tally.await(Math.max(1, deadline - elapsedMillis(start)));
            notEnded = tally.pending();
        }
        double seconds = elapsedMillis(start) / 1000.0;
        requests.update();
        long heapAfter = JvmProbe.heapAfterGc();
        long started = JvmProbe.threadsStarted() - startedBefore;
        Progress.say(String.format("  %d completed, %d failed %s, %d pending, %.1f s; %d completed before the"
                        + " heap sample", tally.completedCount(), tally.typedFailures() + tally.untypedFailures(),
                tally.failureSummary(), tally.pending(), seconds, completedBeforeSample));
        List<Figure> f = new ArrayList<>();
        String a = client.approach();
        f.add(new Figure(name(), load, a, "jobs completed", tally.completedCount(), "", Goal.equalTo(jobs)));
        f.add(new Figure(name(), load, a, "jobs waiting at once (at the sample)", waitingAtSample, "",
                Goal.equalTo(jobs)));
        f.add(new Figure(name(), load, a, "jobs not ended by the deadline", notEnded, "", Goal.equalTo(0)));
        f.add(new Figure(name(), load, a, "failures (typed + untyped)", tally.typedFailures() + tally.untypedFailures(),
                "", Goal.equalTo(0)));
        if (client instanceof EngineClient) {
            f.add(new Figure(name(), load, a, "untyped failures", tally.untypedFailures(), "", Goal.equalTo(0)));
        }
        f.add(new Figure(name(), load, a, "threads while waiting", threads, "", Goal.atMost(16)));
        f.add(new Figure(name(), load, a, "threads started during the run (JVM)", started, "", null));
        f.add(new Figure(name(), load, a, "heap per waiting job", (heapWaiting - heapAfter) / 1024.0 / jobs, "KiB",
                Goal.atMost(8)));
        f.add(new Figure(name(), load, a, "status reads per job (mean)", (double) requests.statusReads() / jobs, "",
                Goal.atMost(readsGoal)));
        f.add(new Figure(name(), load, a, "status reads per job (max)", requests.maxReadsPerJob(), "", null));
        f.add(new Figure(name(), load, a, "wall time", seconds, "s", null));
        if (!allEnded) {
            Progress.say("  " + notEnded + " jobs had not ended at the deadline");
        }
        return f;
    }

    /** How long a run may take: twice the job duration and 30 s; jobs not ended by then count as not completed. */
    static long deadlineMillis(Duration jobDuration) {
        return jobDuration.toMillis() * 2 + 30_000;
    }

    static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
