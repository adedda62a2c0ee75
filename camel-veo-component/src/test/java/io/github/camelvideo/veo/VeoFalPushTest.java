package io.github.camelvideo.veo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push completion of Veo on fal, on Camel Main: the same signed fal webhooks as Kling on fal, verified against the
 * emulator's JWKS before the request's status is read. The safety-net polls are an hour apart, so a job that
 * completes did so by its webhook.
 */
class VeoFalPushTest {

    private static final String PATH = "/webhooks/veo-fal";
    private static final String FAL_KEY = "fal-veo-push-canary-0123456789";

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;
    private int port;
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

    /** Starts Camel Main with push on; the receiver's port is picked first, as fal is told it on each submit. */
    private CamelContext start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.veo.provider", "fal");
        main.addInitialProperty("camel.component.veo.base-url", emulator.falBaseUrl());
        main.addInitialProperty("camel.component.veo.api-key", FAL_KEY);
        main.addInitialProperty("camel.component.veo.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.veo.job-store", "#memoryJobStore");
        main.addInitialProperty("camel.component.veo.webhook-path", PATH);
        main.addInitialProperty("camel.component.veo.callback-base-url", "http://127.0.0.1:" + port);
        main.addInitialProperty("camel.component.veo.fal-jwks-url", emulator.falJwksUrl());
        main.addInitialProperty("camel.component.veo.poll-interval-with-push", "3600000");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("veo:textToVideo?durationSeconds=4&aspectRatio=16:9&resolution=720p");
            }
        });
        main.start();
        CamelContext context = main.getCamelContext();
        String route = "veo-webhook-webhooks-veo-fal";
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

    private String requestId() {
        return emulator.jobs().get(0).id();
    }

    private List<RecordedRequest> statusReads(String requestId) {
        return emulator.requests("GET", "/fal/fal-ai/veo3.1/requests/" + requestId + "/status");
    }

    @Test
    void aVeoJobOnFalCompletesByItsSignedWebhook() throws Exception {
        CamelContext context = start();
        submit(context, "A hummingbird at a red flower");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        assertThat(finished.get(0).getMessage().getBody()).isInstanceOf(java.io.File.class);
        List<RecordedRequest> submits = emulator.requests("POST", "/fal/fal-ai/veo3.1/fast");
        assertThat(submits).hasSize(1);
        assertThat(URLDecoder.decode(submits.get(0).query(), StandardCharsets.UTF_8))
                .isEqualTo("fal_webhook=http://127.0.0.1:" + port + PATH);
        String id = requestId();
        WebhookDelivery genuine = emulator.falWebhooks().deliveries(id).get(0);
        assertThat(genuine.status()).isEqualTo(200);
        // no poll before the webhook: the first status read is the one the webhook asked for
        assertThat(statusReads(id)).hasSizeBetween(1, 2)
                .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(genuine.sentAt()));
        assertThat(context.getComponent("veo", VeoComponent.class).webhookReceiver(PATH).stats().accepted())
                .isEqualTo(1);
        String log = Files.readString(Path.of("target", "veo-tests.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Push completion for veo").doesNotContain(FAL_KEY);
    }

    @Test
    void forgedAndTamperedWebhooksAreRefusedAndChangeNothing() throws Exception {
        CamelContext context = start();
        emulator.falWebhooks().faults().forge(1).tamper(1);
        submit(context, "A slow hummingbird");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        String id = requestId();
        List<WebhookDelivery> deliveries = emulator.falWebhooks().deliveries(id);
        assertThat(deliveries).filteredOn(d -> d.kind() == DeliveryKind.FORGED || d.kind() == DeliveryKind.TAMPERED)
                .hasSize(2).allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookRefusal.BAD_SIGNATURE.status()));
        WebhookDelivery genuine = deliveries.stream().filter(d -> d.kind() == DeliveryKind.GENUINE).findFirst()
                .orElseThrow();
        // neither bad delivery made the component read the request
        assertThat(statusReads(id)).hasSizeBetween(1, 2)
                .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(genuine.sentAt()));
        assertThat(context.getComponent("veo", VeoComponent.class).webhookReceiver(PATH).stats()
                .refused(WebhookRefusal.BAD_SIGNATURE)).isEqualTo(2);
    }
}
