package io.github.camelvideo.sora;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.protocol.kie.KieSignature;
import io.github.camelvideo.core.push.WebhookStats;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push completion on Kie end to end, on Camel Main: each createTask names the receiver with a per-task token as its
 * callBackUrl, the emulator POSTs the finished record there signed with the webhookHmacKey, and the component checks
 * the token and the signature before it reads the task. The safety-net polls are an hour apart, so a job that
 * completes did so by its callback.
 */
class SoraKiePushTest {

    private static final String PATH = "/webhooks/sora";
    private static final String KIE_KEY = "kie-push-canary-0123456789";
    private static final String HMAC_KEY = "kie-hmac-canary-0123456789";
    private static final String CREATE = "/kie/api/v1/jobs/createTask";
    private static final String RECORD = "/kie/api/v1/jobs/recordInfo";

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;
    private int port;
    private final List<Exchange> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).kieKey(KIE_KEY).kieHmacKey(HMAC_KEY)
                .webhookRetries(3, Duration.ofMillis(200)).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    private CamelContext start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        main = new Main();
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.sora.provider", "kie");
        main.addInitialProperty("camel.component.sora.base-url", emulator.kieBaseUrl());
        main.addInitialProperty("camel.component.sora.api-key", KIE_KEY);
        main.addInitialProperty("camel.component.sora.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.sora.job-store", "#memoryJobStore");
        main.addInitialProperty("camel.component.sora.webhook-path", PATH);
        main.addInitialProperty("camel.component.sora.callback-base-url", "http://127.0.0.1:" + port);
        main.addInitialProperty("camel.component.sora.webhook-hmac-key", HMAC_KEY);
        main.addInitialProperty("camel.component.sora.poll-interval-with-push", "3600000");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("sora:textToVideo?seconds=10");
            }
        });
        main.start();
        CamelContext context = main.getCamelContext();
        String route = "sora-webhook-webhooks-sora";
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getRoute(route) != null
                && context.getRouteController().getRouteStatus(route).isStarted());
        return context;
    }

    private void submit(CamelContext context, String prompt) {
        context.createProducerTemplate().asyncSend("direct:video", e -> e.getMessage().setBody(prompt))
                .thenAccept(finished::add);
    }

    private WebhookStats stats(CamelContext context) {
        return context.getComponent("sora", SoraComponent.class).webhookReceiver(PATH).stats();
    }

    private String callBackUrl() throws IOException {
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", CREATE).get(0).body());
        return body.path("callBackUrl").asText();
    }

    @Test
    void aTaskCompletesByItsSignedCallbackWithoutThePollThatWouldFindIt() throws Exception {
        CamelContext context = start();
        submit(context, "A fox in the snow");

        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        assertThat(finished.get(0).getMessage().getBody()).isInstanceOf(java.io.File.class);
        assertThat(callBackUrl()).startsWith("http://127.0.0.1:" + port + PATH + "?").contains("ref=", "token=");
        // the sender records a delivery once its answer is back, which can be after the job ends
        await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.kieCallbacks().deliveries().isEmpty());
        WebhookDelivery callback = emulator.kieCallbacks().deliveries().get(0);
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.eventType()).isEqualTo("success");
        // no poll before the callback: every record read is one the callback asked for
        List<RecordedRequest> reads = emulator.requests("GET", RECORD);
        assertThat(reads).hasSizeBetween(1, 2).allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(callback.sentAt()));
        assertThat(stats(context).accepted()).isEqualTo(1);
        assertThat(stats(context).refused()).isZero();
    }

    @Test
    void aBadTokenOrABadSignatureIsRefusedAndChangesNothing() throws Exception {
        CamelContext context = start();
        submit(context, "A slow fox");
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        // the sender records a delivery once its answer is back, which can be after the job ends
        await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.kieCallbacks().deliveries().isEmpty());
        WebhookDelivery genuine = emulator.kieCallbacks().deliveries().get(0);
        int reads = emulator.requests("GET", RECORD).size();
        String taskId = genuine.videoId();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = KieSignature.sign(HMAC_KEY.getBytes(StandardCharsets.UTF_8), taskId, timestamp);
        String url = callBackUrl();

        HttpResponse<Void> badToken = post(url.replaceAll("token=[^&]+", "token=AAAA"), genuine.bodyText(),
                timestamp, signature);
        HttpResponse<Void> badSignature = post(url, genuine.bodyText(), timestamp,
                KieSignature.sign("other-key".getBytes(StandardCharsets.UTF_8), taskId, timestamp));
        HttpResponse<Void> unsigned = post(url, genuine.bodyText(), null, null);

        assertThat(List.of(badToken.statusCode(), badSignature.statusCode(), unsigned.statusCode()))
                .allSatisfy(s -> assertThat(s).isBetween(400, 499));
        assertThat(stats(context).refused()).isEqualTo(3);
        assertThat(stats(context).accepted()).isEqualTo(1);
        assertThat(emulator.requests("GET", RECORD)).hasSize(reads);
    }

    private static HttpResponse<Void> post(String url, String body, String timestamp, String signature)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(KieSignature.TIMESTAMP_HEADER, timestamp).header(KieSignature.SIGNATURE_HEADER, signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
