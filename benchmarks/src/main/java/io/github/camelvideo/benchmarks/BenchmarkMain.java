package io.github.camelvideo.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the benchmark scenarios and writes their results.
 *
 * <pre>
 * java -jar benchmarks/target/camel-video-benchmarks.jar [waiting|throughput|download|storyboard|push ...]
 *      [--out DIR] [--small]
 * </pre>
 *
 * <p>Without a scenario every scenario runs. Each prints a table (figure, goal, PASS/MISS) on standard output;
 * {@code DIR} (default {@code benchmark-results}) receives {@code results.csv}, {@code results.md} and a PNG plot per
 * scenario. {@code --small} runs each scenario at a tiny size, to check that the harness works.
 */
public final class BenchmarkMain {

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new WaitingScenario(), new ThroughputScenario(), new DownloadScenario(),
                new StoryboardScenario(), new PushScenario(), new KeepAliveScenario())) {
            SCENARIOS.put(s.name(), s);
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<String> names = new ArrayList<>();
        Path out = Path.of("benchmark-results");
        Scale scale = Scale.FULL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--small" -> scale = Scale.SMALL;
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar camel-video-benchmarks.jar [" + String.join("|",
                            SCENARIOS.keySet()) + " ...] [--out DIR] [--small]");
                    return;
                }
                default -> {
                    if (!SCENARIOS.containsKey(args[i])) {
                        throw new IllegalArgumentException("Unknown scenario '" + args[i] + "'; the scenarios are "
                                + SCENARIOS.keySet());
                    }
                    names.add(args[i]);
                }
            }
        }
        if (names.isEmpty()) {
            names.addAll(SCENARIOS.keySet());
        }
        run(names, scale, out);
    }

    /** Runs the named scenarios at {@code scale} and writes the results to {@code out}; returns the figures. */
    public static List<Figure> run(List<String> names, Scale scale, Path out) throws Exception {
        Files.createDirectories(out);
        System.out.println(machine());
        List<Figure> all = new ArrayList<>();
        long start = System.nanoTime();
        for (String name : names) {
            Scenario scenario = SCENARIOS.get(name);
            Path work = Files.createTempDirectory("camel-video-benchmark-" + name);
            long scenarioStart = System.nanoTime();
            try {
                List<Figure> figures = scenario.run(scale, work);
                all.addAll(figures);
                if (!figures.isEmpty()) {
                    Report.print(name, figures, System.out);
                    Charts.write(name, figures, out.resolve(name + ".png"));
                }
            } finally {
                delete(work);
            }
            Progress.say(String.format(Locale.ROOT, "%s took %.0f s", name, (System.nanoTime() - scenarioStart) / 1e9));
            Report.writeCsv(all, out.resolve("results.csv"));
            Report.writeMarkdown(names, all, out.resolve("results.md"));
        }
        Progress.say(String.format(Locale.ROOT, "all scenarios took %.0f s; results in %s",
                (System.nanoTime() - start) / 1e9, out.toAbsolutePath()));
        return all;
    }

    /** The machine the figures come from. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "machine: %d cores, %.1f GiB memory, Java %s (%s), max heap %d MiB, %s %s",
                rt.availableProcessors(), memory / 1073741824.0, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), rt.maxMemory() / 1048576, System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
