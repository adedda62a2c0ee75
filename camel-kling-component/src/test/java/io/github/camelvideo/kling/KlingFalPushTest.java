package io.github.camelvideo.kling;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.push.WebhookStats;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push completion on fal end to end, on Camel Main: each submit names the receiver as its {@code fal_webhook}, the
 * emulator POSTs fal's signed webhook when the request ends, and the component checks its Ed25519 signature against
 * the emulator's JWKS (falJwksUrl) before it reads the request's status. The safety-net polls are an hour apart
 * unless a test says otherwise, so a job that completes did so by its webhook.
 */
class KlingFalPushTest {

    private static final String PATH = "/webhooks/kling";
    private static final String FAL_KEY = "fal-push-canary-0123456789";

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;
    private int port;
    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    private final List<Exchange> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400))
                .webhookRetries(5, Duration.ofMillis(200)).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    /**
     * Starts Camel Main with push on. fal is told the callback URL on each submit, so the receiver's port must be
     * known before the endpoint starts: a free one is picked first.
     */
    private CamelContext start(long pollIntervalWithPush) throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.kling.base-url", emulator.falBaseUrl());
        main.addInitialProperty("camel.component.kling.api-key", FAL_KEY);
        main.addInitialProperty("camel.component.kling.mode", "std");
        main.addInitialProperty("camel.component.kling.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.kling.job-store", "#memoryJobStore");
        main.addInitialProperty("camel.component.kling.webhook-path", PATH);
        main.addInitialProperty("camel.component.kling.callback-base-url", "http://127.0.0.1:" + port);
        main.addInitialProperty("camel.component.kling.fal-jwks-url", emulator.falJwksUrl());
        main.addInitialProperty("camel.component.kling.poll-interval-with-push",
                Long.toString(pollIntervalWithPush));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("kling:textToVideo").process(e -> completions.computeIfAbsent(
                        e.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class), id -> new AtomicInteger())
                        .incrementAndGet());
            }
        });
        main.start();
        CamelContext context = main.getCamelContext();
        String route = "kling-webhook-webhooks-kling";
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getRoute(route) != null
                && context.getRouteController().getRouteStatus(route).isStarted());
        // the receiver's keys are read in the background when it starts
        await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.requests("GET", "/fal/\\.well-known/.*")
                .isEmpty());
        return context;
    }

    private void submit(CamelContext context, String prompt) {
        context.createProducerTemplate().asyncSend("direct:video", e -> e.getMessage().setBody(prompt))
                .thenAccept(finished::add);
    }

    private List<String> requestIds() {
        List<String> ids = new ArrayList<>();
        emulator.jobs().forEach(j -> ids.add(j.id()));
        return ids;
    }

    private List<RecordedRequest> statusReads(String requestId) {
        return emulator.requests("GET", "/fal/fal-ai/kling-video/requests/" + requestId + "/status");
    }

    private WebhookStats stats(CamelContext context) {
        return context.getComponent("kling", KlingComponent.class).webhookReceiver(PATH).stats();
    }

    private String receiverUrl() {
        return "http://127.0.0.1:" + port + PATH;
    }

    @Test
    void aJobCompletesByItsSignedWebhookWithoutThePollThatWouldFindIt() throws Exception {
        CamelContext context = start(3_600_000);
        submit(context, "A fox in the snow");
        submit(context, "A hare in the rain");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 2);
        assertThat(finished).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(finished).allSatisfy(e -> assertThat(e.getMessage().getBody()).isInstanceOf(java.io.File.class));
        List<RecordedRequest> submits = emulator.requests("POST", "/fal/fal-ai/kling-video/.*");
        assertThat(submits).hasSize(2).allSatisfy(r -> assertThat(URLDecoder.decode(r.query(),
                StandardCharsets.UTF_8)).isEqualTo("fal_webhook=" + receiverUrl()));
        for (String id : requestIds()) {
            WebhookDelivery genuine = emulator.falWebhooks().deliveries(id).get(0);
            assertThat(emulator.falWebhooks().deliveries(id)).extracting(WebhookDelivery::status)
                    .containsExactly(200);
            // no poll before the webhook: the first status read is the one the webhook asked for
            assertThat(statusReads(id)).as("status reads of " + id).hasSizeBetween(1, 2)
                    .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(genuine.sentAt()));
        }
        assertThat(stats(context).accepted()).isEqualTo(2);
        assertThat(stats(context).refused()).isZero();
        assertThat(completions).hasSize(2).allSatisfy((id, count) -> assertThat(count).hasValue(1));
        assertKeyNowhere();
    }

    @Test
    void unknownKeyTamperedStaleAndReplayedDeliveriesAreRefusedAndChangeNothing() throws Exception {
        CamelContext context = start(3_600_000);
        emulator.falWebhooks().faults().forge(1).tamper(1).stale(1).replay(1);
        submit(context, "A slow fox");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1
                && emulator.falWebhooks().deliveries().stream().anyMatch(d -> d.kind() == DeliveryKind.REPLAYED));
        String id = requestIds().get(0);
        List<WebhookDelivery> deliveries = emulator.falWebhooks().deliveries(id);
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.FORGED).extracting(WebhookDelivery::status)
                .as("signed with a key not in the JWKS").containsExactly(WebhookRefusal.BAD_SIGNATURE.status());
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.TAMPERED).extracting(WebhookDelivery::status)
                .containsExactly(WebhookRefusal.BAD_SIGNATURE.status());
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.STALE).extracting(WebhookDelivery::status)
                .containsExactly(WebhookRefusal.STALE.status());
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.REPLAYED).extracting(WebhookDelivery::status)
                .containsExactly(WebhookRefusal.REPLAYED.status());
        WebhookDelivery genuine = deliveries.stream().filter(d -> d.kind() == DeliveryKind.GENUINE).findFirst()
                .orElseThrow();
        assertThat(genuine.status()).isEqualTo(200);
        // none of the bad deliveries made the component read the request: every read came after the genuine one
        assertThat(statusReads(id)).hasSizeBetween(1, 2)
                .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(genuine.sentAt()));
        assertThat(completions.get(id)).hasValue(1);

        HttpResponse<Void> unsigned = post(HttpRequest.newBuilder(URI.create(receiverUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"" + id + "\",\"status\":\"OK\"}")));
        assertThat(unsigned.statusCode()).isEqualTo(WebhookRefusal.MALFORMED.status());
        HttpResponse<Void> oversized = post(HttpRequest.newBuilder(URI.create(receiverUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(300 * 1024))));
        assertThat(oversized.statusCode()).isEqualTo(WebhookRefusal.TOO_LARGE.status());

        WebhookStats stats = stats(context);
        assertThat(stats.refused(WebhookRefusal.BAD_SIGNATURE)).isEqualTo(2);
        assertThat(stats.refused(WebhookRefusal.STALE)).isEqualTo(1);
        assertThat(stats.refused(WebhookRefusal.REPLAYED)).isEqualTo(1);
        assertThat(stats.refused(WebhookRefusal.MALFORMED)).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(statusReads(id)).hasSizeBetween(1, 2);
        assertKeyNowhere();
    }

    @Test
    void aDuplicatedWebhookCompletesTheJobOnce() throws Exception {
        CamelContext context = start(3_600_000);
        emulator.falWebhooks().faults().duplicate(1);
        submit(context, "Twice announced");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1
                && emulator.falWebhooks().deliveries().size() == 2);
        assertThat(finished.get(0).getException()).isNull();
        String id = requestIds().get(0);
        assertThat(emulator.falWebhooks().deliveries(id)).extracting(WebhookDelivery::kind)
                .containsExactlyInAnyOrder(DeliveryKind.GENUINE, DeliveryKind.DUPLICATE);
        assertThat(emulator.falWebhooks().deliveries(id)).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(completions.get(id)).hasValue(1);
        assertThat(statusReads(id)).hasSizeBetween(1, 2);
    }

    @Test
    void aDroppedWebhookStillCompletesByTheSlowPoll() throws Exception {
        CamelContext context = start(1_000);
        emulator.falWebhooks().faults().drop(1);
        submit(context, "A lost webhook");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        String id = requestIds().get(0);
        assertThat(emulator.falWebhooks().deliveries(id)).extracting(WebhookDelivery::kind)
                .containsExactly(DeliveryKind.DROPPED);
        assertThat(statusReads(id)).isNotEmpty();
        assertThat(stats(context).accepted()).isZero();
    }

    private static HttpResponse<Void> post(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("content-type", "application/json").build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The fal key in no log line and no exception message. */
    private void assertKeyNowhere() throws IOException {
        String log = Files.readString(Path.of("target", "kling-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Push completion for kling").doesNotContain(FAL_KEY);
        for (Exchange e : finished) {
            for (Throwable t = e.getException(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(FAL_KEY);
            }
        }
    }
}
