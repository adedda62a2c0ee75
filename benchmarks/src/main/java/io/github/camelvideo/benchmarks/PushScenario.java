package io.github.camelvideo.benchmarks;

import java.nio.file.Path;
import java.util.List;

/** Completion lag with push (webhooks), p50 / p99: waits for push completion (issue 12). */
public final class PushScenario implements Scenario {

    /** What the scenario prints until push completion exists. */
    static final String NOT_BUILT = "not built yet (push completion, issue 12)";

    @Override
    public String name() {
        return "push";
    }

    @Override
    public String description() {
        return "completion lag with push, p50/p99: " + NOT_BUILT;
    }

    @Override
    public List<Figure> run(Scale scale, Path work) {
        System.out.println("push: " + NOT_BUILT);
        return List.of();
    }
}
