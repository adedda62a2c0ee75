package io.github.camelvideo.benchmarks;

import java.util.List;

/** The three approaches that run jobs, in the order the scenarios run them. */
final class Clients {

    private Clients() {
    }

    /**
     * The approaches to run; the system property {@code benchmark.approaches} (words of the approaches' names,
     * comma-separated, e.g. {@code sora,hand-made}) keeps only some.
     */
    static List<JobClient> all(JobSpec spec) {
        String only = System.getProperty("benchmark.approaches", "");
        return List.<JobClient>of(new EngineClient(spec), new ThreadPerJobClient(spec), new HandmadeRouteClient(spec))
                .stream()
                .filter(c -> only.isBlank() || java.util.Arrays.stream(only.split(","))
                        .anyMatch(word -> c.approach().contains(word.trim())))
                .toList();
    }

    /** How many approaches {@link #all} returns. */
    static int count() {
        return all(new JobSpec("http://localhost/v1", false, null, null, null, null, null, 0)).size();
    }

    /**
     * Threads the approach holds: the engine's by name; for a baseline, the live threads that were not alive before
     * it started (so that threads of an earlier run that end meanwhile do not count), the emulator's excluded.
     */
    static long threadsHeld(JobClient client, java.util.Set<Long> aliveBefore) {
        return client instanceof EngineClient ? JvmProbe.liveThreads(JvmProbe.ENGINE)
                : JvmProbe.threadsStartedSince(aliveBefore);
    }
}
