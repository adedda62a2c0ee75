package io.github.camelvideo.veo;

import java.io.File;
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
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.protocol.kie.KieSignature;
import io.github.camelvideo.core.push.WebhookStats;
import io.github.camelvideo.core.testing.TestClock;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Push completion on Kie's Veo API end to end, on Camel Main: each generate names the receiver with a per-task token
 * as its callBackUrl, the emulator POSTs the Veo callback there signed with the webhookHmacKey, and the component
 * checks the token and the signature before it reads the task. The safety-net polls are an hour apart, so a job
 * that completes did so by its callback.
 */
class VeoKiePushTest {

    private static final String PATH = "/webhooks/veo-kie";
    private static final String KIE_KEY = "kie-veo-push-canary-0123456789";
    private static final String HMAC_KEY = "kie-veo-hmac-canary-0123456789";
    private static final String GENERATE = "/kie/api/v1/veo/generate";
    private static final String RECORD = "/kie/api/v1/veo/record-info";
    private static final String FULL_HD = "/kie/api/v1/veo/get-1080p-video";

    @TempDir
    Path work;

    private final TestClock clock = new TestClock();
    private VideoEmulator emulator;
    private Main main;
    private int port;
    private final List<Exchange> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).clock(clock).kieKey(KIE_KEY)
                .kieHmacKey(HMAC_KEY).webhookRetries(3, Duration.ofMillis(200)).start();
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
        main.addInitialProperty("camel.component.veo.provider", "kie");
        main.addInitialProperty("camel.component.veo.base-url", emulator.kieBaseUrl());
        main.addInitialProperty("camel.component.veo.api-key", KIE_KEY);
        main.addInitialProperty("camel.component.veo.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.veo.job-store", "#memoryJobStore");
        main.addInitialProperty("camel.component.veo.webhook-path", PATH);
        main.addInitialProperty("camel.component.veo.callback-base-url", "http://127.0.0.1:" + port);
        main.addInitialProperty("camel.component.veo.webhook-hmac-key", HMAC_KEY);
        main.addInitialProperty("camel.component.veo.poll-interval-with-push", "3600000");
        // the regular schedule, which only what no callback announces follows while push is on
        main.addInitialProperty("camel.component.veo.poll-initial-delay", "100");
        main.addInitialProperty("camel.component.veo.poll-max-interval", "200");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("veo:textToVideo?aspectRatio=16:9");
                from("direct:fullHd").to("veo:textToVideo?aspectRatio=16:9&resolution=1080p");
            }
        });
        main.start();
        CamelContext context = main.getCamelContext();
        String route = "veo-webhook-webhooks-veo-kie";
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getRoute(route) != null
                && context.getRouteController().getRouteStatus(route).isStarted());
        return context;
    }

    private void submit(CamelContext context, String prompt) {
        context.createProducerTemplate().asyncSend("direct:video", e -> e.getMessage().setBody(prompt))
                .thenAccept(finished::add);
    }

    private WebhookStats stats(CamelContext context) {
        return context.getComponent("veo", VeoComponent.class).webhookReceiver(PATH).stats();
    }

    private String callBackUrl() throws IOException {
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", GENERATE).get(0).body());
        return body.path("callBackUrl").asText();
    }

    private String taskId() {
        return emulator.jobs().get(0).id();
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
    void theFullHdVersionNoCallbackAnnouncesIsPolledForOnTheRegularSchedule() throws Exception {
        CamelContext context = start();
        context.createProducerTemplate().asyncSend("direct:fullHd", e -> e.getMessage().setBody("A fox at dawn"))
                .thenAccept(finished::add);

        // with only the hour-long safety net, the job would still wait here after its callback
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        assertThat(Mp4Probe.probe(finished.get(0).getMessage().getBody(File.class).toPath()).size())
                .isEqualTo("1920x1080");
        assertThat(emulator.requests("GET", FULL_HD + ".*")).isNotEmpty();
        assertThat(stats(context).accepted()).isEqualTo(1);
    }

    @Test
    void aCallbackIsOnlyAHintTheTaskIsReadBeforeItIsBelieved() throws Exception {
        CamelContext context = start();
        clock.pause();
        submit(context, "A slow fox");
        await().atMost(Duration.ofSeconds(30)).until(() -> !emulator.requests("POST", GENERATE).isEmpty()
                && !emulator.jobs().isEmpty());
        String taskId = taskId();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = KieSignature.sign(HMAC_KEY.getBytes(StandardCharsets.UTF_8), taskId, timestamp);
        String early = "{\"code\":200,\"msg\":\"Veo3.1 video generated successfully.\",\"data\":{\"taskId\":\""
                       + taskId + "\",\"info\":{\"resultUrls\":[\"https://attacker.example/fake.mp4\"]}}}";

        HttpResponse<Void> answer = post(callBackUrl(), early, timestamp, signature);

        assertThat(answer.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !emulator.requests("GET", RECORD).isEmpty());
        assertThat(finished).isEmpty(); // the record says generating: the callback's URLs were not used
        clock.resume().advance(Duration.ofSeconds(1));
        emulator.kieCallbacks().deliverDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 1);
        assertThat(finished.get(0).getException()).isNull();
        assertThat(finished.get(0).getMessage().getHeader(VeoConstants.VIDEO_URI, String.class))
                .doesNotContain("attacker");
    }

    @Test
    void aBadTokenOrABadSignatureIsRefusedAndNeverRead() throws Exception {
        CamelContext context = start();
        submit(context, "A careful fox");
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
        assertThat(emulator.requests("GET", RECORD)).hasSize(reads);        // neither key shows up in the logs, the configuration or the endpoint
        String log = java.nio.file.Files.readString(Path.of("target", "veo-tests.log"), StandardCharsets.UTF_8);
        VeoConfiguration configuration = context.getComponent("veo", VeoComponent.class).getConfiguration();
        assertThat(List.of(log, configuration.toString(), context.getEndpoints().toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(KIE_KEY).doesNotContain(HMAC_KEY));
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
