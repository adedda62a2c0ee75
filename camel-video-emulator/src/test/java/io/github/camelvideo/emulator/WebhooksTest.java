package io.github.camelvideo.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook events the emulator sends, received by a plain HTTP server of the test. */
class WebhooksTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));

    /** One request the test's receiver got. */
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** Statuses the receiver answers, in turn; 200 once they are used up. */
    private final List<Integer> answers = new ArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer receiver;
    private VideoEmulator emulator;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int n = answered.getAndIncrement();
            int status;
            synchronized (answers) {
                status = n < answers.size() ? answers.get(n) : 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
        });
        receiver.start();
    }

    private void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(200))
                .webhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", SECRET)
                .webhookRetries(3, Duration.ofMillis(50)).start();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
        receiver.stop(0);
    }

    private String createVideo() throws IOException {
        String body = new TestClient(emulator).postJson("/videos", "{\"model\":\"sora-2\",\"prompt\":\"a cat\"}").body();
        return TestClient.JSON.readTree(body).get("id").asText();
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(30, TimeUnit.SECONDS);
        assertThat(r).as("a delivery within 30 s").isNotNull();
        return r;
    }

    private static String signature(String id, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void aFinishedVideoIsAnnouncedWithASignedOpenAiEvent() throws Exception {
        startEmulator();
        String video = createVideo();

        Received r = next();
        JsonNode event = TestClient.JSON.readTree(r.body());
        assertThat(event.get("id").asText()).startsWith("evt_");
        assertThat(event.get("object").asText()).isEqualTo("event");
        assertThat(event.get("type").asText()).isEqualTo("video.completed");
        assertThat(event.get("created_at").isIntegralNumber()).isTrue();
        assertThat(event.get("data").get("id").asText()).isEqualTo(video);
        assertThat(r.header("webhook-id")).startsWith("wh_");
        long timestamp = Long.parseLong(r.header("webhook-timestamp"));
        assertThat(Math.abs(timestamp - System.currentTimeMillis() / 1000)).isLessThan(60);
        assertThat(r.header("webhook-signature"))
                .isEqualTo(signature(r.header("webhook-id"), r.header("webhook-timestamp"), r.body()));
        assertThat(r.header("content-type")).isEqualTo("application/json");

        awaitDeliveries(1);
        WebhookDelivery d = emulator.webhookDeliveries().get(0);
        assertThat(d.kind()).isEqualTo(DeliveryKind.GENUINE);
        assertThat(d.videoId()).isEqualTo(video);
        assertThat(d.status()).isEqualTo(200);
        JsonNode admin = TestClient.JSON.readTree(new TestClient(emulator.rootUrl(), null)
                .get("/__emulator/webhooks?video=" + video).body());
        assertThat(admin).hasSize(1);
        assertThat(admin.get(0).get("kind").asText()).isEqualTo("GENUINE");
        assertThat(admin.get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void aFailedVideoIsAnnouncedAsFailed() throws Exception {
        startEmulator();
        emulator.faults().failJobs(1, "internal_error", "it broke");
        String video = createVideo();
        JsonNode event = TestClient.JSON.readTree(next().body());
        assertThat(event.get("type").asText()).isEqualTo("video.failed");
        assertThat(event.get("data").get("id").asText()).isEqualTo(video);
    }

    @Test
    void aRefusedDeliveryIsRetriedUnderItsIdWithAFreshSignature() throws Exception {
        synchronized (answers) {
            answers.addAll(List.of(500, 503));
        }
        startEmulator();
        createVideo();
        Received first = next();
        Received second = next();
        Received third = next();
        assertThat(second.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(third.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(third.header("webhook-signature"))
                .isEqualTo(signature(third.header("webhook-id"), third.header("webhook-timestamp"), third.body()));
        awaitDeliveries(3);
        assertThat(emulator.webhookDeliveries()).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(emulator.webhookDeliveries()).extracting(WebhookDelivery::status).containsExactly(500, 503, 200);
    }

    @Test
    void faultsDuplicateDropForgeTamperStaleAndReplay() throws Exception {
        startEmulator();
        emulator.webhooks().faults().forge(1).tamper(1).stale(1).duplicate(1).replay(1);
        String video = createVideo();
        List<Received> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(next());
        }
        awaitDeliveries(6);
        List<WebhookDelivery> deliveries = emulator.webhooks().deliveries(video);
        assertThat(deliveries).extracting(WebhookDelivery::kind).containsExactlyInAnyOrder(DeliveryKind.FORGED,
                DeliveryKind.TAMPERED, DeliveryKind.STALE, DeliveryKind.GENUINE, DeliveryKind.DUPLICATE,
                DeliveryKind.REPLAYED);
        long valid = all.stream().filter(r -> {
            try {
                return r.header("webhook-signature").equals(signature(r.header("webhook-id"),
                        r.header("webhook-timestamp"), r.body()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(valid).as("genuine, duplicate, replayed and stale are signed correctly").isEqualTo(4);
        WebhookDelivery genuine = only(deliveries, DeliveryKind.GENUINE);
        WebhookDelivery replayed = only(deliveries, DeliveryKind.REPLAYED);
        assertThat(replayed.webhookId()).isEqualTo(genuine.webhookId());
        assertThat(replayed.timestamp()).isEqualTo(genuine.timestamp());
        assertThat(replayed.body()).isEqualTo(genuine.body());
        assertThat(only(deliveries, DeliveryKind.DUPLICATE).webhookId()).isNotEqualTo(genuine.webhookId());
        assertThat(only(deliveries, DeliveryKind.STALE).timestamp()).isLessThan(genuine.timestamp() - 500);

        emulator.webhooks().faults().drop(1);
        String dropped = createVideo();
        String next = createVideo();
        assertThat(TestClient.JSON.readTree(next().body()).get("data").get("id").asText()).isEqualTo(next);
        awaitDeliveries(8);
        assertThat(emulator.webhooks().deliveries(dropped)).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DeliveryKind.DROPPED))
                .satisfies(d -> assertThat(d.status()).isEqualTo(-1));
    }

    @Test
    void aReorderedEventArrivesAfterTheNextOne() throws Exception {
        startEmulator();
        emulator.webhooks().faults().reorder(1).reorderHold(Duration.ofSeconds(30));
        String first = createVideo();
        String second = createVideo();
        assertThat(TestClient.JSON.readTree(next().body()).get("data").get("id").asText()).isEqualTo(second);
        assertThat(TestClient.JSON.readTree(next().body()).get("data").get("id").asText()).isEqualTo(first);
    }

    private static WebhookDelivery only(List<WebhookDelivery> deliveries, DeliveryKind kind) {
        return deliveries.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    /** The receiver answered before the emulator recorded the answer: wait for the record, not for time. */
    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (emulator.webhookDeliveries().size() < count && System.nanoTime() < deadline) {
            received.poll(10, TimeUnit.MILLISECONDS);
        }
        assertThat(emulator.webhookDeliveries()).hasSizeGreaterThanOrEqualTo(count);
    }
}
