package io.github.camelvideo.examples;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.protocol.kie.KieMarket;
import io.github.camelvideo.kling.nativeapi.NativeKlingProvider;
import io.github.camelvideo.veo.gemini.GeminiVeoProvider;

/**
 * Runs the demo and prints a summary. With {@code OPENAI_API_KEY} in the environment, sora: uses that server
 * ({@code OPENAI_BASE_URL}, default https://api.openai.com/v1); with {@code GEMINI_API_KEY}, veo: uses the Gemini API
 * ({@code GEMINI_BASE_URL}, default https://generativelanguage.googleapis.com/v1beta; {@code VEO_MODEL} sets the
 * model); with {@code FAL_KEY}, kling: uses fal's queue ({@code FAL_BASE_URL}, default https://queue.fal.run); with
 * {@code KLING_ACCESS_KEY} and {@code KLING_SECRET_KEY}, the kling: storyboard uses Kling's own API
 * ({@code KLING_BASE_URL}, default https://api-singapore.klingai.com); with {@code KIE_API_KEY}, the veo: video made
 * through Kie.ai uses Kie's Veo 3.1 API ({@code KIE_BASE_URL}, default https://api.kie.ai). A provider without its key is the embedded
 * emulator. Output goes to {@code demo-output/}, or to the
 * directory given by {@code -Ddemo.output=DIR}. With {@code -Ddemo.s3=BUCKET} every video is also stored in that S3
 * bucket ({@code -Ddemo.s3.endpoint=URL} for an S3-compatible server, {@code -Ddemo.s3.region}; see {@link DemoS3}).
 * Exits 0 when every video was made (and stored).
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(System.getProperty("demo.output", "demo-output")).toAbsolutePath();
        String key = envOr("OPENAI_API_KEY", null);
        String baseUrl = key != null ? envOr("OPENAI_BASE_URL", "https://api.openai.com/v1") : null;
        String geminiKey = envOr("GEMINI_API_KEY", null);
        String geminiBaseUrl = geminiKey != null ? envOr("GEMINI_BASE_URL", GeminiVeoProvider.DEFAULT_BASE_URL) : null;
        String falKey = envOr("FAL_KEY", null);
        String falBaseUrl = falKey != null ? envOr("FAL_BASE_URL", FalQueue.DEFAULT_BASE_URL) : null;
        String kieKey = envOr("KIE_API_KEY", null);
        String kieBaseUrl = kieKey != null ? envOr("KIE_BASE_URL", KieMarket.DEFAULT_BASE_URL) : null;
        List<DemoResult> results = new Demo(new Demo.Settings(output, baseUrl, key, geminiBaseUrl, geminiKey,
                envOr("VEO_MODEL", null), Duration.ofSeconds(3), falBaseUrl, falKey, klingApi(), kieBaseUrl, kieKey))
                .storingIn(DemoS3.fromSystemProperties()).run();
        printSummary(output, results);
        System.exit(results.stream().allMatch(DemoResult::ok) ? 0 : 1);
    }

    /** Kling's own API when both of its keys are in the environment, otherwise null (the emulator). */
    private static Demo.KlingApi klingApi() {
        String accessKey = envOr("KLING_ACCESS_KEY", null);
        String secretKey = envOr("KLING_SECRET_KEY", null);
        if (accessKey == null || secretKey == null) {
            return null;
        }
        return new Demo.KlingApi(envOr("KLING_BASE_URL", NativeKlingProvider.DEFAULT_BASE_URL), accessKey, secretKey);
    }

    static void printSummary(Path output, List<DemoResult> results) {
        String format = "%-28s %-70s %9s %-10s %9s%n";
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
                System.out.printf("%-28s FAILED: %s%n", r.label(), r.error());
            }
        }
        System.out.printf(format, "total", "", "", "", "$" + total);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
