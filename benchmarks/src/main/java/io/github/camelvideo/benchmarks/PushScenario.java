package io.github.camelvideo.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.Main;

import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.core.JobSummary;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;
import io.github.camelvideo.sora.SoraConstants;

/**
 * Push completion on Camel Main with platform-http: jobs whose end the emulator announces with a signed
 * {@code video.completed} webhook. Measured per job: the time from the emulator sending the event to the route
 * after {@code sora:textToVideo} running (the receiver verifies the delivery, the engine reads the job's status and
 * the exchange continues), and the status reads. The same jobs with push off (the component's poll defaults) are
 * shown for comparison, their lag measured from the job's end.
 */
public final class PushScenario implements Scenario {

    private static final String PATH = "/webhooks/sora";

    @Override
    public String name() {
        return "push";
    }

    @Override
    public String description() {
        return "completion lag from the webhook event to the route, p50/p99, and status reads per job, with push on"
               + " and with polling";
    }

    @Override
    public List<Figure> run(Scale scale, Path work) throws Exception {
        boolean small = scale == Scale.SMALL;
        int jobs = small ? 20 : 600;
        // submissions spread evenly, as jobs arrive in a running application: 10 per second (paid video jobs come
        // far slower; at 50 per second the default file store's synced writes, 4 per job, saturate a shared disk)
        Duration spread = small ? Duration.ofSeconds(1) : Duration.ofSeconds(60);
        Duration jobDuration = small ? Duration.ofMillis(300) : Duration.ofSeconds(2);
        List<Figure> figures = new ArrayList<>();
        figures.addAll(measure(jobs, spread, jobDuration, true, false, work));
        figures.addAll(measure(jobs, spread, jobDuration, true, true, work));
        figures.addAll(measure(jobs, spread, jobDuration, false, false, work));
        return figures;
    }

    private List<Figure> measure(int jobs, Duration spread, Duration jobDuration, boolean push, boolean memoryStore,
                                 Path work) throws Exception {
        String load = jobs + " jobs of " + jobDuration.toMillis() + " ms over " + spread.toSeconds() + " s, "
                      + (push ? "push" : "polling (defaults)")
                      + (memoryStore ? ", memory job store" : ", file job store");
        Progress.say("push: " + load);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Map<String, Instant> heard = new ConcurrentHashMap<>();
        VideoEmulator.Builder builder = VideoEmulator.builder().jobDuration(jobDuration);
        if (push) {
            // the receiver's port is known once Camel Main has started: the sender is pointed at it then
            builder.webhook("http://127.0.0.1:1" + PATH, secret);
        }
        try (VideoEmulator emulator = builder.start()) {
            Main main = main(emulator, secret, push, memoryStore,
                    work.resolve((push ? "push" : "poll") + (memoryStore ? "-memory" : "-file")), heard);
            long failed;
            try {
                CamelContext context = main.getCamelContext();
                if (push) {
                    int port = VertxPlatformHttpRouter.lookup(context,
                            VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO).getServer().getPort();
                    emulator.webhooks().url(URI.create("http://127.0.0.1:" + port + PATH));
                }
                // a tenth of the jobs first, not counted: the JIT and the connections warm up
                submitAll(context, Math.max(1, jobs / 10), Duration.ofMillis(spread.toMillis() / 10));
                heard.clear();
                emulator.clearRequests();
                if (push) {
                    emulator.webhooks().clearDeliveries();
                }
                failed = submitAll(context, jobs, spread);
            } finally {
                main.stop();
            }
            // counted after the stop: the emulator records a request once its answer has gone, so a last read
            // may be recorded just after its exchange completed
            return figures(load, emulator, heard, jobs, failed, push);
        }
    }

    private static Main main(VideoEmulator emulator, String secret, boolean push, boolean memoryStore, Path out,
                             Map<String, Instant> heard) throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.main.name", "push-benchmark");
        main.addInitialProperty("camel.component.sora.base-url", emulator.baseUrl());
        main.addInitialProperty("camel.component.sora.api-key", JobSpec.API_KEY);
        main.addInitialProperty("camel.component.sora.output-directory", out.toString());
        main.addInitialProperty("camel.component.sora.max-concurrent-jobs", "0");
        if (memoryStore) {
            main.addInitialProperty("camel.component.sora.job-store", "#memoryJobStore");
        }
        if (push) {
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.port", "0");
            main.addInitialProperty("benchmark.webhook.secret", secret);
            main.addInitialProperty("camel.component.sora.webhook-path", PATH);
            main.addInitialProperty("camel.component.sora.webhook-secret", "{{benchmark.webhook.secret}}");
        }
        String uri = "sora:textToVideo?download=false&model=" + JobSpec.MODEL + "&seconds=" + JobSpec.SECONDS
                     + "&size=" + JobSpec.SIZE;
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to(uri).process(e -> heard.put(
                        e.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class), Instant.now()));
            }
        });
        main.start();
        // the receiver's route is added when the context has fully started, before start() returns
        if (push && main.getCamelContext().getRoute("sora-webhook-webhooks-sora") == null) {
            main.stop();
            throw new IllegalStateException("The webhook receiver's route did not start");
        }
        return main;
    }

    /** Sends the jobs evenly over {@code spread} without waiting for them; returns how many exchanges failed. */
    private static long submitAll(CamelContext context, int jobs, Duration spread) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < jobs; i++) {
                String prompt = "Push scene " + i;
                CompletableFuture<Exchange> done = new CompletableFuture<>();
                sent.add(done);
                timer.schedule(() -> template.asyncSend("direct:video", e -> e.getMessage().setBody(prompt))
                        .whenComplete((e, error) -> done.complete(e)), spread.toMillis() * i / jobs,
                        TimeUnit.MILLISECONDS);
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        } finally {
            timer.shutdownNow();
        }
        return sent.stream().map(CompletableFuture::join).filter(e -> e == null || e.getException() != null).count();
    }

    private List<Figure> figures(String load, VideoEmulator emulator, Map<String, Instant> heard, int jobs,
                                 long failed, boolean push) {
        List<Double> lags = new ArrayList<>();
        Map<String, Instant> announced = new ConcurrentHashMap<>();
        for (WebhookDelivery d : emulator.webhookDeliveries()) {
            if (d.kind() == DeliveryKind.GENUINE) {
                announced.merge(d.videoId(), d.sentAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (JobSummary job : emulator.jobs()) {
            Instant at = heard.get(job.id());
            Instant from = push ? announced.get(job.id())
                    : job.finishedAtMillis() == null ? null : Instant.ofEpochMilli(job.finishedAtMillis());
            if (at != null && from != null) {
                lags.add(Duration.between(from, at).toNanos() / 1e6);
            }
        }
        lags.sort(Double::compare);
        int reads = emulator.requests("GET", "/v1/videos/[^/]+").size();
        String a = Approach.ENGINE;
        String from = push ? "event sent to route" : "job end to route";
        Progress.say(String.format("  p50 %.1f ms, p99 %.1f ms (%s), %.2f status reads per job, %d failed",
                percentile(lags, 50), percentile(lags, 99), from, (double) reads / jobs, failed));
        List<Figure> f = new ArrayList<>();
        f.add(new Figure(name(), load, a, "jobs completed", heard.size(), "", Goal.equalTo(jobs)));
        f.add(new Figure(name(), load, a, "completion lag p50 (" + from + ")", percentile(lags, 50), "ms", null));
        f.add(new Figure(name(), load, a, "completion lag p99 (" + from + ")", percentile(lags, 99), "ms",
                push ? Goal.atMost(50) : null));
        f.add(new Figure(name(), load, a, "completion lag max (" + from + ")", percentile(lags, 100), "ms", null));
        f.add(new Figure(name(), load, a, "status reads per job", (double) reads / jobs, "",
                push ? Goal.atMost(2) : null));
        return f;
    }

    /** The nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
