package io.github.camelvideo.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * fal's webhooks as the emulator sends them, received by a plain HTTP server of the test and checked as fal
 * documents: the JWKS served without a key, the four X-Fal-Webhook headers, the hex Ed25519 signature over
 * {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))}, the {@code OK}/{@code ERROR} body, retries, faults.
 */
class FalWebhooksTest {

    private static final String T2V = "fal-ai/kling-video/v3/standard/text-to-video";

    /** One request the test's receiver got. */
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Integer> answers = new ArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer receiver;
    private VideoEmulator emulator;

    @BeforeEach
    void start() throws IOException {
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
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(200)).webhookRetries(3, Duration.ofMillis(50))
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private String submit(String body) throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(emulator.falBaseUrl()
                + "/" + T2V + "?fal_webhook=" + URLEncoder.encode(hookUrl(), StandardCharsets.UTF_8)))
                .header("Authorization", "Key k").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body()).path("request_id").asText();
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(30, TimeUnit.SECONDS);
        assertThat(r).as("a delivery within 30 s").isNotNull();
        return r;
    }

    /** The keys of the JWKS the emulator serves, read without a key as fal's is. */
    private List<PublicKey> jwks() throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(emulator.falJwksUrl()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<PublicKey> keys = new ArrayList<>();
        for (JsonNode jwk : TestClient.JSON.readTree(response.body()).path("keys")) {
            assertThat(jwk.path("kty").asText()).isEqualTo("OKP");
            assertThat(jwk.path("crv").asText()).isEqualTo("Ed25519");
            byte[] raw = Base64.getUrlDecoder().decode(jwk.path("x").asText());
            byte[] der = new byte[44];
            System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
            System.arraycopy(raw, 0, der, 12, 32);
            keys.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        }
        return keys;
    }

    private static boolean verifies(List<PublicKey> keys, Received r) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()));
        byte[] message = (r.header("X-Fal-Webhook-Request-Id") + "\n" + r.header("X-Fal-Webhook-User-Id") + "\n"
                          + r.header("X-Fal-Webhook-Timestamp") + "\n" + digest).getBytes(StandardCharsets.UTF_8);
        for (PublicKey key : keys) {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            if (s.verify(HexFormat.of().parseHex(r.header("X-Fal-Webhook-Signature")))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anEndedRequestIsPostedToItsFalWebhookSignedUnderTheServedJwks() throws Exception {
        String id = submit("{\"prompt\":\"a fox\",\"duration\":\"3\"}");

        Received r = next();
        assertThat(r.header("X-Fal-Webhook-Request-Id")).isEqualTo(id);
        assertThat(r.header("X-Fal-Webhook-User-Id")).isNotBlank();
        assertThat(Math.abs(Long.parseLong(r.header("X-Fal-Webhook-Timestamp")) - System.currentTimeMillis() / 1000))
                .isLessThan(60);
        assertThat(r.header("X-Fal-Webhook-Signature")).matches("[0-9a-f]{128}");
        assertThat(verifies(jwks(), r)).isTrue();
        JsonNode body = TestClient.JSON.readTree(r.body());
        assertThat(body.path("request_id").asText()).isEqualTo(id);
        assertThat(body.path("gateway_request_id").asText()).isEqualTo(id);
        assertThat(body.path("status").asText()).isEqualTo("OK");
        assertThat(body.path("payload").path("video").path("url").asText()).endsWith(id + ".mp4");
        assertThat(body.path("payload").path("video").path("content_type").asText()).isEqualTo("video/mp4");

        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.falWebhooks().deliveries(id).size() == 1);
        WebhookDelivery d = emulator.falWebhooks().deliveries(id).get(0);
        assertThat(d.kind()).isEqualTo(DeliveryKind.GENUINE);
        assertThat(d.eventType()).isEqualTo("OK");
        assertThat(d.status()).isEqualTo(200);
    }

    @Test
    void aFailedRequestIsPostedAsAnErrorWithItsErrorBodyAsPayload() throws Exception {
        emulator.faults().filterJobs(1, List.of("violence"));
        String id = submit("{\"prompt\":\"a fight\"}");

        JsonNode body = TestClient.JSON.readTree(next().body());
        assertThat(body.path("request_id").asText()).isEqualTo(id);
        assertThat(body.path("status").asText()).isEqualTo("ERROR");
        assertThat(body.path("error").asText()).isEqualTo("Invalid status code: 422");
        assertThat(body.path("payload").path("detail").get(0).path("type").asText())
                .isEqualTo("content_policy_violation");
    }

    @Test
    void aRefusedDeliveryIsSignedAnewAndRetried() throws Exception {
        synchronized (answers) {
            answers.addAll(List.of(500, 503));
        }
        String id = submit("{\"prompt\":\"a hare\"}");
        List<PublicKey> keys = jwks();
        for (int i = 0; i < 3; i++) {
            assertThat(verifies(keys, next())).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.falWebhooks().deliveries(id).size() == 3);
        assertThat(emulator.falWebhooks().deliveries(id)).extracting(WebhookDelivery::attempt)
                .containsExactly(1, 2, 3);
        assertThat(emulator.falWebhooks().deliveries(id)).extracting(WebhookDelivery::status)
                .containsExactly(500, 503, 200);
    }

    @Test
    void faultsForgeWithAnUnknownKeyTamperStaleDuplicateAndReplay() throws Exception {
        emulator.falWebhooks().faults().forge(1).tamper(1).stale(1).duplicate(1).replay(1);
        String id = submit("{\"prompt\":\"a slow fox\"}");
        List<Received> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(next());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.falWebhooks().deliveries(id).size() == 6);
        List<WebhookDelivery> deliveries = emulator.falWebhooks().deliveries(id);
        assertThat(deliveries).extracting(WebhookDelivery::kind).containsExactlyInAnyOrder(DeliveryKind.FORGED,
                DeliveryKind.TAMPERED, DeliveryKind.STALE, DeliveryKind.GENUINE, DeliveryKind.DUPLICATE,
                DeliveryKind.REPLAYED);
        List<PublicKey> keys = jwks();
        long valid = all.stream().filter(r -> {
            try {
                return verifies(keys, r);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(valid).as("genuine, duplicate, replayed and stale verify; forged and tampered do not")
                .isEqualTo(4);
        WebhookDelivery genuine = only(deliveries, DeliveryKind.GENUINE);
        WebhookDelivery replayed = only(deliveries, DeliveryKind.REPLAYED);
        assertThat(replayed.timestamp()).isEqualTo(genuine.timestamp());
        assertThat(replayed.body()).isEqualTo(genuine.body());
        assertThat(only(deliveries, DeliveryKind.DUPLICATE).timestamp()).isEqualTo(genuine.timestamp() + 1);
        assertThat(only(deliveries, DeliveryKind.STALE).timestamp()).isLessThan(genuine.timestamp() - 500);
    }

    @Test
    void aSubmitWithoutAWebhookSendsNoneAndABadWebhookUrlIsRefused() throws Exception {
        HttpResponse<String> plain = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(emulator.falBaseUrl()
                + "/" + T2V)).header("Authorization", "Key k").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"quiet\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(emulator.falBaseUrl()
                + "/" + T2V + "?fal_webhook=not-a-url")).header("Authorization", "Key k")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestClient.JSON.readTree(bad.body()).path("detail").asText()).contains("fal_webhook");

        String announced = submit("{\"prompt\":\"loud\"}");
        assertThat(TestClient.JSON.readTree(next().body()).path("request_id").asText()).isEqualTo(announced);
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.falWebhooks().deliveries().size() == 1);
        assertThat(emulator.falWebhooks().deliveries()).singleElement()
                .satisfies(d -> assertThat(d.videoId()).isEqualTo(announced));
    }

    private static WebhookDelivery only(List<WebhookDelivery> deliveries, DeliveryKind kind) {
        return deliveries.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }
}
