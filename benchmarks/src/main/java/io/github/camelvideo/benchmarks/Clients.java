package io.github.camelvideo.benchmarks;

import java.util.List;

/** The three approaches that run jobs, in the order the scenarios run them. */
final class Clients {

    private Clients() {
    }

    static List<JobClient> all(JobSpec spec) {
        return List.of(new EngineClient(spec), new ThreadPerJobClient(spec), new HandmadeRouteClient(spec));
    }

    /** Threads the approach holds: the engine's by name, a baseline's as the growth of the JVM's live threads. */
    static long threadsHeld(JobClient client, long liveBefore) {
        return client instanceof EngineClient ? JvmProbe.liveThreads(JvmProbe.ENGINE)
                : JvmProbe.clientThreads() - liveBefore;
    }
}
