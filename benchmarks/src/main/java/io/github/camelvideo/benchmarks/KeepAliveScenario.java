package io.github.camelvideo.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.sora.SoraComponent;

/**
 * Creates in waves separated by quiet spells shorter and longer than the idle timeout of a proxy that closes idle
 * keep-alive connections after 1 s (the emulator's {@code closeIdleConnectionsAfter}): how many end in doubt, how many
 * jobs the server holds per create. Run with the component's default idle timeout (30 s, longer than the proxy's) and
 * with one below the proxy's.
 */
public final class KeepAliveScenario implements Scenario {

    private static final Duration PROXY_IDLE = Duration.ofSeconds(1);
    /** Quiet spells between waves, in turn: shorter and longer than the proxy's idle timeout. */
    private static final long[] PAUSES_MS = {600, 1400};

    @Override
    public String name() {
        return "keepalive";
    }

    @Override
    public String description() {
        return "creates in waves through a proxy closing idle connections after 1 s: in-doubt creates and jobs per"
               + " create";
    }

    @Override
    public List<Figure> run(Scale scale, Path work) throws Exception {
        int creates = scale == Scale.SMALL ? 100 : 10_000;
        int waves = scale == Scale.SMALL ? 4 : 50;
        List<Figure> figures = new ArrayList<>();
        for (long clientIdleMs : new long[] {30_000, 500}) {
            figures.addAll(run(creates, waves, clientIdleMs));
        }
        return figures;
    }

    private List<Figure> run(int creates, int waves, long clientIdleMs) throws Exception {
        String load = creates + " creates in " + waves + " waves, connectionIdleTimeout " + clientIdleMs + " ms";
        Progress.say("keepalive: " + load);
        try (VideoEmulator emulator = VideoEmulator.builder().jobDuration(Duration.ofHours(1))
                .idleTimeout(PROXY_IDLE).start()) {
            CamelContext context = new DefaultCamelContext();
            SoraComponent sora = new SoraComponent();
            sora.setConnectionIdleTimeout(clientIdleMs);
            context.addComponent("sora", sora);
            String uri = "sora:textToVideo?waitForCompletion=false&baseUrl=" + emulator.baseUrl() + "&apiKey=RAW("
                         + JobSpec.API_KEY + ")&model=" + JobSpec.MODEL + "&seconds=" + JobSpec.SECONDS + "&size="
                         + JobSpec.SIZE + "&maxConcurrentJobs=0";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:video").to(uri);
                }
            });
            context.start();
            AsyncProducer producer = context.getEndpoint("direct:video").createAsyncProducer();
            producer.start();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            long start = System.nanoTime();
            try {
                int perWave = creates / waves;
                long at = 0;
                for (int w = 0; w < waves; w++) {
                    int first = w * perWave;
                    int count = w == waves - 1 ? creates - first : perWave;
                    List<CompletableFuture<Exchange>> wave = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        wave.add(new CompletableFuture<>());
                    }
                    sent.addAll(wave);
                    timer.schedule(() -> {
                        for (int i = 0; i < count; i++) {
                            send(context, producer, "Keep-alive scene " + (first + i), wave.get(i));
                        }
                    }, at, TimeUnit.MILLISECONDS);
                    at += PAUSES_MS[w % PAUSES_MS.length];
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            } finally {
                timer.shutdownNow();
                producer.stop();
                context.stop();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long inDoubt = sent.stream().map(CompletableFuture::join)
                    .filter(e -> e.getException() instanceof VideoSubmissionInDoubtException).count();
            long failed = sent.stream().map(CompletableFuture::join).filter(e -> e.getException() != null).count();
            int posts = emulator.requests("POST", "/v1/videos").size();
            Progress.say(String.format("  %d in doubt, %d failed, %d creates sent, %d jobs, %d connections closed by"
                                       + " the proxy, %.1f s", inDoubt, failed, posts, emulator.jobCount(),
                    emulator.connectionsClosedByFaults(), seconds));
            String a = Approach.ENGINE;
            List<Figure> f = new ArrayList<>();
            f.add(new Figure(name(), load, a, "creates in doubt", inDoubt, "", Goal.equalTo(0)));
            f.add(new Figure(name(), load, a, "creates failed", failed, "", Goal.equalTo(0)));
            f.add(new Figure(name(), load, a, "jobs at the server per create", (double) emulator.jobCount() / creates,
                    "", Goal.equalTo(1)));
            f.add(new Figure(name(), load, a, "create requests per create", (double) posts / creates, "", null));
            f.add(new Figure(name(), load, a, "connections closed by the proxy", emulator.connectionsClosedByFaults(),
                    "", null));
            return f;
        }
    }

    private static void send(CamelContext context, AsyncProducer producer, String prompt,
                             CompletableFuture<Exchange> done) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(prompt);
        producer.process(exchange, doneSync -> done.complete(exchange));
    }
}
