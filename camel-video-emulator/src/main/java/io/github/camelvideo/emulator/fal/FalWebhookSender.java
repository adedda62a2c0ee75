package io.github.camelvideo.emulator.fal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;
import io.github.camelvideo.emulator.webhook.WebhookFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fal's webhooks for the emulated queue: a request submitted with {@code ?fal_webhook=<url>} is announced there once
 * it has ended, with fal's body ({@code {"request_id", "gateway_request_id", "status": "OK", "payload": <result>}} or
 * {@code {..., "status": "ERROR", "error": "Invalid status code: <code>", "payload": <error body>}}) and fal's
 * signature: the headers {@code X-Fal-Webhook-Request-Id}, {@code X-Fal-Webhook-User-Id},
 * {@code X-Fal-Webhook-Timestamp} (Unix seconds) and {@code X-Fal-Webhook-Signature}, the hex Ed25519 signature of
 * {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))} under a key pair generated when the emulator starts,
 * whose public half is served as a JWKS at {@link #JWKS_PATH}. A delivery answered other than 2xx is sent again,
 * signed anew with a fresh timestamp, with exponential backoff. Faults ({@link #faults()}): {@code forge} signs with
 * a key not in the JWKS, {@code tamper} changes the body after signing, {@code stale} signs ten minutes in the past
 * (these three are sent when the request is submitted), {@code duplicate} sends the event a second time, signed a
 * second later, {@code replay} sends the accepted delivery again byte for byte, {@code drop} and {@code delay} as
 * for OpenAI's events. Nothing sleeps: one scheduler thread and the HTTP client's own threads do the work.
 */
public final class FalWebhookSender implements AutoCloseable {

    /** Where the JWKS is served below the emulator's root, standing in for {@code rest.fal.ai/.well-known/jwks.json}. */
    public static final String JWKS_PATH = "/fal/.well-known/jwks.json";
    /** The user id the emulator signs as, sent in {@code X-Fal-Webhook-User-Id}. */
    public static final String USER_ID = "emulator-user";

    private static final Logger LOG = LoggerFactory.getLogger(FalWebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STALE_AGE = Duration.ofMinutes(10);

    private record Pending(String requestId, URI url, long finishAtMillis, Supplier<byte[]> body,
                           WebhookFaults.Plan plan) {
    }

    /** One signed delivery, sent as is (a replay sends the same one again). */
    private record Signed(DeliveryKind kind, String requestId, String status, URI url, long timestamp,
                          String signature, byte[] body, WebhookFaults.Plan plan) {
    }

    private final KeyPair key = generate();
    private final String keyId = "emulator-" + Long.toHexString(System.nanoTime());
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final WebhookFaults faults = new WebhookFaults();
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param clock        the emulator's clock
     * @param maxAttempts  attempts per genuine delivery, the first included
     * @param firstBackoff the wait before the first retry; each further one doubles it
     */
    public FalWebhookSender(Clock clock, int maxAttempts, Duration firstBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "video-emulator-fal-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The fault plan of deliveries; changes apply to the next requests. */
    public WebhookFaults faults() {
        return faults;
    }

    /** Every delivery so far, oldest first (a snapshot); {@code videoId} is the request id. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The deliveries about one request, oldest first. */
    public List<WebhookDelivery> deliveries(String requestId) {
        return deliveries.stream().filter(d -> d.videoId().equals(requestId)).toList();
    }

    /** The JWKS of the signing key: {@code {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": ..., ...}]}}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(jwk(key)));
    }

    /**
     * A request was submitted with a webhook URL.
     *
     * @param requestId      its id
     * @param url            its {@code fal_webhook}
     * @param finishAtMillis when it ends, on the emulator's clock; negative when it never does
     * @param body           the webhook body, computed once it has ended
     */
    void submitted(String requestId, URI url, long finishAtMillis, Supplier<byte[]> body) {
        WebhookFaults.Plan plan = faults.take();
        for (WebhookFaults.Kind early : List.of(WebhookFaults.Kind.FORGE, WebhookFaults.Kind.TAMPER,
                WebhookFaults.Kind.STALE)) {
            if (plan.has(early)) {
                scheduler.execute(() -> send(bad(early, requestId, url), 1));
            }
        }
        if (finishAtMillis < 0) {
            return;
        }
        pending.put(requestId, new Pending(requestId, url, finishAtMillis, body, plan));
        long delay = Math.max(0, finishAtMillis - clock.millis())
                     + (plan.has(WebhookFaults.Kind.DELAY) ? plan.delay().toMillis() : 0);
        scheduler.schedule(() -> fire(requestId), delay, TimeUnit.MILLISECONDS);
    }

    /** Sends the webhooks of every request that has ended by the emulator's clock and was not announced yet. */
    public void deliverDue() {
        for (String id : List.copyOf(pending.keySet())) {
            scheduler.execute(() -> fire(id));
        }
    }

    private void fire(String requestId) {
        Pending p = pending.get(requestId);
        if (p == null || clock.millis() < p.finishAtMillis() || !pending.remove(requestId, p)) {
            return;
        }
        byte[] body = p.body().get();
        String status = status(body);
        if (p.plan().has(WebhookFaults.Kind.DROP)) {
            record(new Signed(DeliveryKind.DROPPED, requestId, status, p.url(), seconds(), null, body, p.plan()), 0,
                    Instant.now(clock), -1);
            return;
        }
        Signed genuine = signed(DeliveryKind.GENUINE, requestId, status, p.url(), seconds(), body, p.plan());
        send(genuine, 1);
        if (p.plan().has(WebhookFaults.Kind.DUPLICATE)) {
            // fal signs every attempt anew: the second one a second later, so it is a delivery of its own
            send(signed(DeliveryKind.DUPLICATE, requestId, status, p.url(), genuine.timestamp() + 1, body,
                    p.plan()), 1);
        }
    }

    private Signed bad(WebhookFaults.Kind fault, String requestId, URI url) {
        byte[] body = body(requestId, "OK", Map.of("video", Map.of("url", "https://fal.media/files/forged.mp4")),
                null);
        long ts = seconds();
        return switch (fault) {
            case FORGE -> new Signed(DeliveryKind.FORGED, requestId, "OK", url, ts,
                    sign(generate().getPrivate(), requestId, ts, body), body, null);
            case TAMPER -> {
                String signature = sign(key.getPrivate(), requestId, ts, body);
                byte[] changed = new String(body, StandardCharsets.UTF_8).replace("forged.mp4", "changed.mp4")
                        .getBytes(StandardCharsets.UTF_8);
                yield new Signed(DeliveryKind.TAMPERED, requestId, "OK", url, ts, signature, changed, null);
            }
            default -> {
                long old = ts - STALE_AGE.toSeconds();
                yield new Signed(DeliveryKind.STALE, requestId, "OK", url, old,
                        sign(key.getPrivate(), requestId, old, body), body, null);
            }
        };
    }

    private Signed signed(DeliveryKind kind, String requestId, String status, URI url, long timestamp, byte[] body,
                          WebhookFaults.Plan plan) {
        return new Signed(kind, requestId, status, url, timestamp, sign(key.getPrivate(), requestId, timestamp, body),
                body, plan);
    }

    private void send(Signed d, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(d.url())
                .timeout(Duration.ofSeconds(15))
                .header("content-type", "application/json")
                .header("user-agent", "camel-video-emulator fal webhooks")
                .header("X-Fal-Webhook-Request-Id", d.requestId())
                .header("X-Fal-Webhook-User-Id", USER_ID)
                .header("X-Fal-Webhook-Timestamp", Long.toString(d.timestamp()))
                .header("X-Fal-Webhook-Signature", d.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                .build();
        Instant sentAt = Instant.now(clock);
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = error != null ? 0 : response.statusCode();
            record(d, attempt, sentAt, status);
            try {
                scheduler.execute(() -> afterSending(d, attempt, status));
            } catch (RuntimeException closed) {
                // the emulator is closing: nothing more is sent
            }
        });
    }

    private void afterSending(Signed d, int attempt, int status) {
        boolean accepted = status >= 200 && status < 300;
        boolean retried = d.kind() == DeliveryKind.GENUINE || d.kind() == DeliveryKind.DUPLICATE;
        if (!accepted && retried && attempt < maxAttempts) {
            long wait = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
            scheduler.schedule(() -> send(signed(d.kind(), d.requestId(), d.status(), d.url(), seconds(), d.body(),
                    d.plan()), attempt + 1), wait, TimeUnit.MILLISECONDS);
        } else if (accepted && d.kind() == DeliveryKind.GENUINE && d.plan() != null
                   && d.plan().has(WebhookFaults.Kind.REPLAY)) {
            send(new Signed(DeliveryKind.REPLAYED, d.requestId(), d.status(), d.url(), d.timestamp(), d.signature(),
                    d.body(), null), 1);
        } else if (!accepted && retried) {
            LOG.debug("Gave up the webhook of fal request {} after {} attempts", d.requestId(), attempt);
        }
    }

    private void record(Signed d, int attempt, Instant sentAt, int status) {
        deliveries.add(new WebhookDelivery(sequence.incrementAndGet(), d.kind(), d.requestId(), d.status(),
                d.requestId(), d.timestamp(), attempt, sentAt, status, d.body()));
    }

    /**
     * fal's webhook body.
     *
     * @param status  {@code OK} or {@code ERROR}
     * @param payload the result, or the error body
     * @param error   the error line of an {@code ERROR}, else {@code null}
     */
    static byte[] body(String requestId, String status, Object payload, String error) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("request_id", requestId);
        event.put("gateway_request_id", requestId);
        event.put("status", status);
        if (error != null) {
            event.put("error", error);
        }
        event.put("payload", payload);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String status(byte[] body) {
        try {
            return JSON.readTree(body).path("status").asText("OK");
        } catch (IOException e) {
            return "OK";
        }
    }

    /** The signature fal sends: hex Ed25519 over {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))}. */
    static String sign(PrivateKey privateKey, String requestId, long timestamp, byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update((requestId + "\n" + USER_ID + "\n" + timestamp + "\n" + digest)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private Map<String, Object> jwk(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        // an X.509 Ed25519 key ends with its 32 raw bytes, which the JWK's x carries (RFC 8037)
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", "EdDSA");
        return jwk;
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private long seconds() {
        return clock.millis() / 1000;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
