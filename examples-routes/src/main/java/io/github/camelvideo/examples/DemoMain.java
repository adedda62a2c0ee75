package io.github.camelvideo.examples;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the demo and prints a summary. With {@code OPENAI_API_KEY} in the environment it uses that server
 * ({@code OPENAI_BASE_URL}, default https://api.openai.com/v1); otherwise the embedded emulator. Output goes to
 * {@code demo-output/}, or to the directory given by {@code -Ddemo.output=DIR}. Exits 0 when every video was made.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(System.getProperty("demo.output", "demo-output")).toAbsolutePath();
        String key = System.getenv("OPENAI_API_KEY");
        boolean real = key != null && !key.isBlank();
        String baseUrl = real ? envOr("OPENAI_BASE_URL", "https://api.openai.com/v1") : null;
        List<DemoResult> results = new Demo(new Demo.Settings(output, baseUrl, real ? key : null,
                Duration.ofSeconds(3))).run();
        printSummary(output, results);
        System.exit(results.stream().allMatch(DemoResult::ok) ? 0 : 1);
    }

    static void printSummary(Path output, List<DemoResult> results) {
        String format = "%-20s %-60s %9s %-10s %9s%n";
        System.out.println();
        System.out.println("Videos in " + output);
        System.out.printf(format, "what", "file", "duration", "resolution", "est. cost");
        BigDecimal total = BigDecimal.ZERO;
        for (DemoResult r : results) {
            if (r.ok()) {
                System.out.printf(format, r.label(), r.file(), String.format("%.1f s", r.duration()), r.size(),
                        r.costUsd() == null ? "-" : "$" + r.costUsd());
                total = r.costUsd() == null ? total : total.add(r.costUsd());
            } else {
                System.out.printf("%-20s FAILED: %s%n", r.label(), r.error());
            }
        }
        System.out.printf(format, "total", "", "", "", "$" + total);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
