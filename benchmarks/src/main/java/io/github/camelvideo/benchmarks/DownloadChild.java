package io.github.camelvideo.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camelvideo.emulator.VideoEmulator;

/**
 * The download scenario's child JVM: serves the large MP4 from an emulator, downloads it twice with each approach
 * (best of two, alternating, so the page cache favours neither) and prints the figures on standard output.
 */
public final class DownloadChild {

    static final String FIGURE = "FIGURE\t";
    private static final String SCENARIO = "download";
    private static final int ROUNDS = 3;

    private DownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        Path mp4 = Path.of(args[0]);
        Path work = Path.of(args[1]);
        long bytes = Files.size(mp4);
        try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ZERO).pollAfterMs(0)
                .videoFile(mp4).start()) {
            String id = createVideo(emulator.baseUrl());
            CamelContext context = engine(emulator.baseUrl(), Files.createDirectories(work.resolve("engine")));
            double[] best = new double[2];
            long[] heap = new long[2];
            long[] peak = new long[2];
            for (int round = 0; round < ROUNDS; round++) {
                for (int approach = 0; approach < 2; approach++) {
                    Path target = work.resolve(approach == 0 ? "jdk.mp4" : "engine");
                    long start;
                    double seconds;
                    try (HeapSampler heapSampler = new HeapSampler()) {
                        start = System.nanoTime();
                        Path file = approach == 0 ? jdkDownload(emulator.baseUrl(), id, target)
                                : engineDownload(context, id);
                        seconds = (System.nanoTime() - start) / 1e9;
                        if (Files.size(file) != bytes) {
                            throw new IOException(file + " has " + Files.size(file) + " bytes, expected " + bytes);
                        }
                        Files.delete(file);
                        heap[approach] = Math.max(heap[approach], heapSampler.growthAfterGc());
                        peak[approach] = Math.max(peak[approach], heapSampler.peakGrowth());
                    }
                    double mibPerSecond = bytes / (1024.0 * 1024.0) / seconds;
                    System.err.printf(Locale.ROOT, "  round %d %s: %.1f MiB/s%n", round + 1,
                            approach == 0 ? Approach.JDK_DOWNLOAD : Approach.ENGINE, mibPerSecond);
                    best[approach] = Math.max(best[approach], mibPerSecond);
                }
            }
            context.stop();
            String load = bytes / (1024 * 1024) + " MiB, -Xmx" + (Runtime.getRuntime().maxMemory() / (1024 * 1024))
                    + "m";
            List<Figure> figures = new ArrayList<>();
            String[] names = {Approach.JDK_DOWNLOAD, Approach.ENGINE};
            for (int a = 0; a < 2; a++) {
                figures.add(new Figure(SCENARIO, load, names[a], "throughput", best[a], "MiB/s", null));
                figures.add(new Figure(SCENARIO, load, names[a], "heap growth after GC", heap[a] / 1048576.0, "MiB",
                        Goal.atMost(64)));
                figures.add(new Figure(SCENARIO, load, names[a], "peak heap growth (garbage included)",
                        peak[a] / 1048576.0, "MiB", null));
            }
            figures.add(new Figure(SCENARIO, load, Approach.ENGINE, "throughput vs JDK HttpClient",
                    100 * best[1] / best[0], "%", Goal.atLeast(90)));
            figures.forEach(f -> System.out.println(format(f)));
        }
    }

    private static String createVideo(String baseUrl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"model\":\"sora-2\",\"prompt\":\"large download\",\"seconds\":\"8\",\"size\":\"1280x720\"}";
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/videos"))
                .header("Authorization", "Bearer " + JobSpec.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return (String) new ObjectMapper().readValue(created.body(), Map.class).get("id");
    }

    /** Baseline (c): the JDK HttpClient writing the response body to a file. */
    private static Path jdkDownload(String baseUrl, String id, Path target) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/videos/" + id
                + "/content")).header("Authorization", "Bearer " + JobSpec.API_KEY).build(),
                HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IOException("JDK download answered " + response.statusCode());
        }
        return response.body();
    }

    private static CamelContext engine(String baseUrl, Path output) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("sora:downloadVideo?baseUrl=" + baseUrl + "&apiKey=RAW(" + JobSpec.API_KEY
                        + ")&outputDirectory=" + output.toAbsolutePath());
            }
        });
        context.start();
        return context;
    }

    private static Path engineDownload(CamelContext context, String id) {
        ProducerTemplate template = context.createProducerTemplate();
        Exchange result = template.request("direct:download",
                e -> e.getMessage().setHeader("CamelSoraVideoId", id));
        if (result.getException() != null) {
            throw new IllegalStateException("Engine download failed", result.getException());
        }
        return result.getMessage().getBody(java.io.File.class).toPath();
    }

    static String format(Figure f) {
        return FIGURE + String.join("\t", f.scenario(), f.load(), f.approach(), f.metric(),
                Double.toString(f.value()), f.unit(), f.goal() == null ? "" : f.goal().comparison().name(),
                f.goal() == null ? "" : Double.toString(f.goal().threshold()));
    }

    static Figure parse(String line) {
        String[] p = line.substring(FIGURE.length()).split("\t", -1);
        Goal goal = p[6].isEmpty() ? null : new Goal(Goal.Comparison.valueOf(p[6]), Double.parseDouble(p[7]));
        return new Figure(p[0], p[1], p[2], p[3], Double.parseDouble(p[4]), p[5], goal);
    }
}
