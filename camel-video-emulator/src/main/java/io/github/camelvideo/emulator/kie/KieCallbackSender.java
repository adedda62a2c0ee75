package io.github.camelvideo.emulator.kie;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

/**
 * Sends Kie's callbacks: once a task has ended, its body (the {@code recordInfo} data object in the code envelope)
 * is POSTed to the task's {@code callBackUrl}. With a {@code webhookHmacKey} each attempt carries
 * {@code X-Webhook-Timestamp} (Unix seconds) and {@code X-Webhook-Signature} = base64(HMAC-SHA256(key,
 * {@code taskId + "." + timestamp})), as docs.kie.ai's webhook verification page describes. An attempt answered other
 * than 2xx is repeated with a doubling wait. Timing follows the emulator's clock; with a clock moved by hand,
 * {@link #deliverDue()} sends what has become due.
 */
public final class KieCallbackSender implements AutoCloseable {

    private record Pending(String taskId, URI url, long finishAtMillis, Supplier<byte[]> body) {
    }

    private final Clock clock;
    private final byte[] hmacKey;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param hmacKey      the account's webhookHmacKey, or null to send callbacks unsigned
     * @param maxAttempts  attempts per callback, the first included
     * @param firstBackoff the wait before the first retry; each further one doubles it
     */
    public KieCallbackSender(Clock clock, String hmacKey, int maxAttempts, Duration firstBackoff) {
        this.clock = clock;
        this.hmacKey = hmacKey == null ? null : hmacKey.getBytes(StandardCharsets.UTF_8);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "video-emulator-kie-callbacks");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Every callback attempt so far, oldest first; {@code videoId} is the task id, {@code eventType} its state. */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** A task with a callBackUrl was created; it ends at {@code finishAtMillis} (negative: never). */
    void created(String taskId, URI url, long finishAtMillis, Supplier<byte[]> body) {
        if (finishAtMillis < 0) {
            return;
        }
        pending.put(taskId, new Pending(taskId, url, finishAtMillis, body));
        long delay = Math.max(0, finishAtMillis - clock.millis());
        scheduler.schedule(() -> fire(taskId), delay, TimeUnit.MILLISECONDS);
    }

    /** Sends the callbacks of every task that has ended by the emulator's clock and was not announced yet. */
    public void deliverDue() {
        for (String id : List.copyOf(pending.keySet())) {
            scheduler.execute(() -> fire(id));
        }
    }

    private void fire(String taskId) {
        Pending p = pending.get(taskId);
        if (p == null || clock.millis() < p.finishAtMillis() || !pending.remove(taskId, p)) {
            return;
        }
        send(p.taskId(), p.url(), p.body().get(), 1);
    }

    private void send(String taskId, URI url, byte[] body, int attempt) {
        long timestamp = clock.millis() / 1000;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(15))
                .header("content-type", "application/json")
                .header("user-agent", "camel-video-emulator kie callbacks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (hmacKey != null) {
            request.header("X-Webhook-Timestamp", Long.toString(timestamp))
                    .header("X-Webhook-Signature", sign(hmacKey, taskId, Long.toString(timestamp)));
        }
        Instant sentAt = Instant.now(clock);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = error != null ? 0 : response.statusCode();
            deliveries.add(new WebhookDelivery(sequence.incrementAndGet(), DeliveryKind.GENUINE, taskId,
                    state(body), taskId, timestamp, attempt, sentAt, status, body));
            if ((status < 200 || status >= 300) && attempt < maxAttempts) {
                try {
                    scheduler.schedule(() -> send(taskId, url, body, attempt + 1),
                            firstBackoff.toMillis() << Math.min(attempt - 1, 20), TimeUnit.MILLISECONDS);
                } catch (RuntimeException closed) {
                    // the emulator is closing: nothing more is sent
                }
            }
        });
    }

    private static String state(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        // market callbacks carry the record's state; Veo callbacks only the envelope's code
        return text.contains("\"state\":\"success\"") || text.startsWith("{\"code\":200,") ? "success" : "fail";
    }

    /** Kie's callback signature: base64(HMAC-SHA256(key, taskId + "." + timestamp)). */
    static String sign(byte[] key, String taskId, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((taskId + "." + timestamp)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
