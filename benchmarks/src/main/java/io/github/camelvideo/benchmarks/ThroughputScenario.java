package io.github.camelvideo.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Submit, complete and download to a file as fast as possible, against an emulator whose jobs finish at once. The
 * emulator runs in the same JVM and shares the two cores, so its share of the CPU is shown beside each figure.
 */
public final class ThroughputScenario implements Scenario {

    /** The most a run may take; jobs not ended by then count as not completed. */
    private static final long DEADLINE_MILLIS = 120_000;

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public String description() {
        return "submit -> complete -> file against a zero-delay emulator; jobs per second and the emulator's CPU share";
    }

    @Override
    public List<Figure> run(Scale scale, Path work) throws Exception {
        List<Figure> figures = new ArrayList<>();
        int jobs = scale.throughputJobs();
        for (int approach = 0; approach < Clients.count(); approach++) {
            // a new emulator for each approach, with the same settings, so none inherits another's connections
            try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ZERO).pollAfterMs(0)
                    .start()) {
                Path warmUp = Files.createDirectories(work.resolve("warm-up-" + approach));
                // a small batch first, so that rendering, connection set-up and the JIT are not measured
                run(emulator, Clients.all(spec(emulator, warmUp)).get(approach), Math.min(jobs, 200));
                Path out = Files.createDirectories(work.resolve("throughput-" + approach));
                figures.addAll(run(emulator, Clients.all(spec(emulator, out)).get(approach), jobs));
                for (Path dir : List.of(warmUp, out)) {
                    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        return figures;
    }

    private static JobSpec spec(VideoEmulator emulator, Path out) {
        return new JobSpec(emulator.baseUrl(), true, out, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(30), Integer.getInteger("benchmark.maxConcurrentJobs", 50));
    }

    private List<Figure> run(VideoEmulator emulator, JobClient client, int jobs) throws Exception {
        String load = jobs + " jobs";
        Progress.say("throughput: " + client.approach() + ", " + load);
        RequestCounter requests = new RequestCounter(emulator);
        JobTally tally = new JobTally(jobs);
        long startedBefore = JvmProbe.threadsStarted();
        long emulatorCpu;
        long processCpu;
        double seconds;
        boolean ended;
        try (client) {
            client.start();
            long emulatorCpuBefore = JvmProbe.cpuNanos(JvmProbe.EMULATOR);
            long processCpuBefore = JvmProbe.processCpuNanos();
            long start = System.nanoTime();
            client.submit(jobs, tally);
            ended = tally.await(DEADLINE_MILLIS);
            seconds = (System.nanoTime() - start) / 1e9;
            emulatorCpu = JvmProbe.cpuNanos(JvmProbe.EMULATOR) - emulatorCpuBefore;
            processCpu = JvmProbe.processCpuNanos() - processCpuBefore;
        }
        requests.update();
        Progress.say(String.format("  %d completed, %d failed %s in %.2f s (%s)", tally.completedCount(),
                tally.typedFailures() + tally.untypedFailures(), tally.failureSummary(), seconds,
                ended ? "all ended" : tally.pending() + " pending"));
        String a = client.approach();
        List<Figure> f = new ArrayList<>();
        f.add(new Figure(name(), load, a, "jobs completed", tally.completedCount(), "", Goal.equalTo(jobs)));
        f.add(new Figure(name(), load, a, "throughput", tally.completedCount() / seconds, "jobs/s",
                Goal.atLeast(1000)));
        f.add(new Figure(name(), load, a, "emulator share of CPU", 100.0 * emulatorCpu / Math.max(1, processCpu), "%",
                null));
        f.add(new Figure(name(), load, a, "client CPU per job", (processCpu - emulatorCpu) / 1e6 / Math.max(1, jobs),
                "ms", null));
        f.add(new Figure(name(), load, a, "threads started during the run (JVM)",
                JvmProbe.threadsStarted() - startedBefore, "", null));
        f.add(new Figure(name(), load, a, "requests per job", (double) (requests.creates() + requests.statusReads()
                + requests.downloads()) / jobs, "", null));
        return f;
    }
}
