package io.github.camelvideo.sora;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.ops.MicrometerJobMetrics;
import io.github.camelvideo.core.push.WebhookStats;
import io.github.camelvideo.core.webhook.StandardWebhooksVerifier;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookSecret;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push completion end to end on Camel Main: the emulator sends signed webhook events to the component's receiver on
 * platform-http (camel-platform-http-main), and the route hears of each job after at most two status reads. The
 * safety-net polls are an hour apart unless a test says otherwise, so a job that completes did so by its webhook.
 */
class SoraPushTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private static final String PATH = "/webhooks/sora";
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;
    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final List<Exchange> finished = new CopyOnWriteArrayList<>();

    private static byte[] randomBytes() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @BeforeEach
    void startEmulator() throws IOException {
        // the receiver's port is known once Camel Main has started: the sender is pointed at it then
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).pollAfterMs(50)
                .webhook("http://127.0.0.1:1" + PATH, SECRET).webhookRetries(5, Duration.ofMillis(200)).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    /** Starts Camel Main with push on, the secret from a property placeholder, and a route counting completions. */
    private CamelContext start(long pollIntervalWithPush, Path yamlRoute) throws Exception {
        main = new Main();
        main.bind(MicrometerJobMetrics.REGISTRY_NAME, meters);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", "0");
        main.addInitialProperty("video.webhook.secret", SECRET);
        main.addInitialProperty("camel.component.sora.base-url", emulator.baseUrl());
        main.addInitialProperty("camel.component.sora.api-key", "sk-test");
        main.addInitialProperty("camel.component.sora.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.sora.job-store", "#memoryJobStore");
        main.addInitialProperty("camel.component.sora.webhook-path", PATH);
        main.addInitialProperty("camel.component.sora.webhook-secret", "{{video.webhook.secret}}");
        main.addInitialProperty("camel.component.sora.poll-interval-with-push", Long.toString(pollIntervalWithPush));
        if (yamlRoute != null) {
            main.addInitialProperty("camel.main.routes-include-pattern", "file:" + yamlRoute);
        } else {
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:video").to("sora:textToVideo").process(e -> {
                        completions.computeIfAbsent(e.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class),
                                id -> new AtomicInteger()).incrementAndGet();
                    });
                }
            });
        }
        main.start();
        CamelContext context = main.getCamelContext();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> context.getRoute("sora-webhook-webhooks-sora") != null
                             && context.getRouteController().getRouteStatus("sora-webhook-webhooks-sora").isStarted());
        int port = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO)
                .getServer().getPort();
        emulator.webhooks().url(URI.create("http://127.0.0.1:" + port + PATH));
        return context;
    }

    private String receiverUrl() {
        return emulator.webhooks().url().toString();
    }

    /** Sends a job through the Java route without waiting; the exchange is kept once it has finished. */
    private void submit(CamelContext context, String prompt) {
        ProducerTemplate template = context.createProducerTemplate();
        template.asyncSend("direct:video", e -> e.getMessage().setBody(prompt)).thenAccept(finished::add);
    }

    private List<RecordedRequest> statusReads(String videoId) {
        return emulator.requests("GET", "/v1/videos/" + videoId);
    }

    private List<String> videoIds() {
        List<String> ids = new ArrayList<>();
        emulator.jobs().forEach(j -> ids.add(j.id()));
        return ids;
    }

    private WebhookStats stats(CamelContext context) {
        return context.getComponent("sora", SoraComponent.class).webhookReceiver(PATH).stats();
    }

    @Test
    void withPushAJobIsReadAtMostTwiceAndTheRouteHearsOfItByItsWebhook() throws Exception {
        CamelContext context = start(3_600_000, null);
        submit(context, "A cat on a piano");
        submit(context, "A dog on a skateboard");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 2);
        assertThat(finished).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(finished).allSatisfy(e -> assertThat(e.getMessage().getBody()).isInstanceOf(java.io.File.class));
        for (String id : videoIds()) {
            assertThat(statusReads(id)).as("status reads of " + id).hasSizeBetween(1, 2);
            assertThat(emulator.webhooks().deliveries(id)).extracting(WebhookDelivery::status).containsExactly(200);
        }
        assertThat(stats(context).accepted()).isEqualTo(2);
        assertThat(stats(context).refused()).isZero();
        assertSecretNowhere();
    }

    @Test
    void forgedTamperedStaleReplayedAndOversizedDeliveriesAreRefusedAndChangeNothing() throws Exception {
        CamelContext context = start(3_600_000, null);
        // a job long enough that an accepted bad delivery (sent when the job is created) would be seen reading it
        emulator.webhooks().faults().forge(1).tamper(1).stale(1).replay(1);
        submit(context, "A slow cat");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1
                && emulator.webhookDeliveries().stream().anyMatch(d -> d.kind() == DeliveryKind.REPLAYED));
        String id = videoIds().get(0);
        List<WebhookDelivery> deliveries = emulator.webhooks().deliveries(id);
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.FORGED || d.kind() == DeliveryKind.TAMPERED)
                .extracting(WebhookDelivery::status).containsExactly(401, 401);
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.STALE || d.kind() == DeliveryKind.REPLAYED)
                .extracting(WebhookDelivery::status).containsExactly(400, 400);
        WebhookDelivery genuine = deliveries.stream().filter(d -> d.kind() == DeliveryKind.GENUINE).findFirst()
                .orElseThrow();
        assertThat(genuine.status()).isEqualTo(200);
        // none of the bad deliveries made the component read the job: every read came after the genuine event
        assertThat(statusReads(id)).hasSizeBetween(1, 2)
                .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(genuine.sentAt()));
        assertThat(completions.get(id)).hasValue(1);

        HttpResponse<Void> oversized = post(signedDelivery("wh_oversized", "x".repeat(300 * 1024)));
        assertThat(oversized.statusCode()).isEqualTo(400);
        HttpResponse<Void> unsigned = post(HttpRequest.newBuilder(URI.create(receiverUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unsigned.statusCode()).isEqualTo(400);
        HttpResponse<Void> get = post(HttpRequest.newBuilder(URI.create(receiverUrl())).GET());
        assertThat(get.statusCode()).isEqualTo(405);

        WebhookStats stats = stats(context);
        assertThat(stats.refused(WebhookRefusal.BAD_SIGNATURE)).isEqualTo(2);
        assertThat(stats.refused(WebhookRefusal.STALE)).isEqualTo(1);
        assertThat(stats.refused(WebhookRefusal.REPLAYED)).isEqualTo(1);
        assertThat(stats.refused(WebhookRefusal.TOO_LARGE)).isEqualTo(1);
        assertThat(stats.refused(WebhookRefusal.MALFORMED)).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(meters.find(MicrometerJobMetrics.WEBHOOK_REFUSED).tag("reason", "bad_signature").counter().count())
                .as("refusals counted in the metrics").isEqualTo(2);
        assertThat(meters.find(MicrometerJobMetrics.WEBHOOK_ACCEPTED).tag("component", "sora").counter().count())
                .isEqualTo(1);
        assertThat(statusReads(id)).hasSizeBetween(1, 2);
        assertSecretNowhere();
    }

    @Test
    void aDroppedWebhookStillCompletesByTheSlowPoll() throws Exception {
        CamelContext context = start(1_000, null);
        emulator.webhooks().faults().drop(1);
        submit(context, "A lost event");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        String id = videoIds().get(0);
        assertThat(emulator.webhooks().deliveries(id)).extracting(WebhookDelivery::kind)
                .containsExactly(DeliveryKind.DROPPED);
        assertThat(statusReads(id)).isNotEmpty();
        assertThat(stats(context).accepted()).isZero();
    }

    @Test
    void duplicatedAndReorderedDeliveriesCompleteEachJobOnce() throws Exception {
        CamelContext context = start(3_600_000, null);
        emulator.webhooks().faults().duplicate(1);
        submit(context, "Twice announced");
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        emulator.webhooks().faults().reorder(1).reorderHold(Duration.ofSeconds(2));
        submit(context, "Announced late");
        submit(context, "Announced early");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 3
                && emulator.webhookDeliveries().size() >= 4);
        assertThat(finished).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(completions).hasSize(3).allSatisfy((id, count) -> assertThat(count).hasValue(1));
        for (String id : videoIds()) {
            assertThat(statusReads(id)).as("status reads of " + id).hasSizeBetween(1, 2);
        }
        assertThat(emulator.webhookDeliveries()).extracting(WebhookDelivery::kind).contains(DeliveryKind.DUPLICATE);
        assertThat(emulator.webhookDeliveries()).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
    }

    @Test
    void aYamlRouteUsesPushEndToEnd() throws Exception {
        Path videos = work.resolve("videos");
        Path route = work.resolve("push-route.yaml");
        Files.writeString(route, """
                - route:
                    from:
                      uri: timer:once
                      parameters:
                        repeatCount: 1
                      steps:
                        - setBody:
                            constant: A lighthouse at dusk
                        - to: sora:textToVideo
                        - to: file:%s
                """.formatted(videos));
        CamelContext context = start(3_600_000, route);

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(videos)
                && Files.list(videos).anyMatch(f -> f.toString().endsWith(".mp4")));
        String id = videoIds().get(0);
        assertThat(statusReads(id)).hasSizeBetween(1, 2);
        assertThat(stats(context).accepted()).isEqualTo(1);
        assertSecretNowhere();
    }

    private HttpRequest.Builder signedDelivery(String id, String body) {
        long now = System.currentTimeMillis() / 1000;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(receiverUrl()))
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", StandardWebhooksVerifier.sign(WebhookSecret.of(SECRET), id, now, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private static HttpResponse<Void> post(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("content-type", "application/json").build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The secret (and its key) in no log line and no exception message. */
    private void assertSecretNowhere() throws IOException {
        String keyPart = SECRET.substring("whsec_".length());
        String log = Files.readString(Path.of("target", "sora-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Push completion for sora").doesNotContain(keyPart);
        for (Exchange e : finished) {
            for (Throwable t = e.getException(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(keyPart);
            }
        }
    }
}
