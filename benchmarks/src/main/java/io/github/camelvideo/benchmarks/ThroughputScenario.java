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
        try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ZERO).pollAfterMs(0).start()) {
            int jobs = scale.throughputJobs();
            // one small batch first, so that the rendering and the JIT are not measured
            for (JobClient warm : Clients.all(spec(emulator, Files.createDirectories(work.resolve("warm-up"))))) {
                run(emulator, warm, Math.min(jobs, 200));
            }
            int i = 0;
            for (JobClient client : Clients.all(spec(emulator, null))) {
                Path out = Files.createDirectories(work.resolve("throughput-" + i++));
                JobClient measured = rebind(client, spec(emulator, out));
                figures.addAll(run(emulator, measured, jobs));
                Files.walk(out).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return figures;
    }

    private static JobSpec spec(VideoEmulator emulator, Path out) {
        return new JobSpec(emulator.baseUrl(), true, out, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(30), 50);
    }

    private static JobClient rebind(JobClient client, JobSpec spec) {
        if (client instanceof EngineClient) {
            return new EngineClient(spec);
        }
        return client instanceof ThreadPerJobClient ? new ThreadPerJobClient(spec) : new HandmadeRouteClient(spec);
    }

    private List<Figure> run(VideoEmulator emulator, JobClient client, int jobs) throws Exception {
        String load = jobs + " jobs";
        Progress.say("throughput: " + client.approach() + ", " + load);
        RequestCounter requests = new RequestCounter(emulator);
        JobTally tally = new JobTally(jobs);
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
            ended = tally.await(600_000);
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
        f.add(new Figure(name(), load, a, "requests per job", (double) (requests.creates() + requests.statusReads()
                + requests.downloads()) / jobs, "", null));
        return f;
    }
}
