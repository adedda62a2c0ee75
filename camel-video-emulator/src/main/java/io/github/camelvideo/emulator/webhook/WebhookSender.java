package io.github.camelvideo.emulator.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends OpenAI's webhook events for the emulated videos: when a video completes or fails, a {@code video.completed}
 * or {@code video.failed} event ({@code {"id":"evt_...","object":"event","created_at":...,"type":...,
 * "data":{"id":"video_..."}}}) is POSTed to the configured URL, signed as Standard Webhooks specifies. A delivery
 * answered other than 2xx (or not at all) is sent again with exponential backoff, under the same webhook-id and a
 * fresh timestamp and signature, up to the configured number of attempts. Everything runs on one scheduler thread
 * and the HTTP client's own threads; nothing sleeps. The time a video ends and every timestamp come from the
 * emulator's clock: with a clock a test moves by hand, {@link #deliverDue()} sends what has become due.
 */
public final class WebhookSender implements VideoEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How old the timestamp of a stale delivery is: twice the usual five-minute tolerance. */
    private static final Duration STALE_AGE = Duration.ofMinutes(10);

    private record Pending(String videoId, long finishAtMillis, boolean failed, WebhookFaults.Plan plan) {
    }

    /** One signed delivery, sent as is (a replay sends the same one again). */
    private record Signed(DeliveryKind kind, String videoId, String type, String webhookId, long timestamp,
                          String signature, byte[] body, WebhookFaults.Plan plan) {
    }

    private volatile URI url;
    private final WebhookSigner signer;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final WebhookFaults faults = new WebhookFaults();
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<Signed> held = new ArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param url          where events are POSTed
     * @param secret       the signing secret: {@code whsec_<base64>} or a raw secret
     * @param clock        the emulator's clock
     * @param maxAttempts  attempts per genuine delivery, the first included
     * @param firstBackoff the wait before the first retry; each further one doubles it
     */
    public WebhookSender(URI url, String secret, Clock clock, int maxAttempts, Duration firstBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        this.url = url;
        this.signer = new WebhookSigner(secret);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "video-emulator-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Where events go. */
    public URI url() {
        return url;
    }

    /**
     * Sends the next deliveries (retries included) to another URL: for a receiver whose port is known only after the
     * emulator started.
     */
    public WebhookSender url(URI url) {
        this.url = java.util.Objects.requireNonNull(url, "url");
        return this;
    }

    /** The fault plan of deliveries; changes apply to the next videos. */
    public WebhookFaults faults() {
        return faults;
    }

    /** Every delivery so far, oldest first (a snapshot). */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The deliveries about one video, oldest first. */
    public List<WebhookDelivery> deliveries(String videoId) {
        return deliveries.stream().filter(d -> d.videoId().equals(videoId)).toList();
    }

    /** Forgets the recorded deliveries. */
    public void clearDeliveries() {
        deliveries.clear();
    }

    @Override
    public void created(String videoId, long finishAtMillis, boolean failed) {
        WebhookFaults.Plan plan = faults.take();
        for (WebhookFaults.Kind early : List.of(WebhookFaults.Kind.FORGE, WebhookFaults.Kind.TAMPER,
                WebhookFaults.Kind.STALE)) {
            if (plan.has(early)) {
                scheduler.execute(() -> send(bad(early, videoId), 1));
            }
        }
        if (finishAtMillis < 0) {
            return; // a video that never finishes has no event
        }
        pending.put(videoId, new Pending(videoId, finishAtMillis, failed, plan));
        long delay = Math.max(0, finishAtMillis - clock.millis())
                     + (plan.has(WebhookFaults.Kind.DELAY) ? plan.delay().toMillis() : 0);
        scheduler.schedule(() -> fire(videoId), delay, TimeUnit.MILLISECONDS);
    }

    /** Sends the events of every video that has ended by the emulator's clock and was not announced yet. */
    public void deliverDue() {
        for (String id : List.copyOf(pending.keySet())) {
            scheduler.execute(() -> fire(id));
        }
    }

    private void fire(String videoId) {
        Pending p = pending.get(videoId);
        if (p == null || clock.millis() < p.finishAtMillis() || !pending.remove(videoId, p)) {
            return; // already sent, or a clock moved by hand says not yet (deliverDue sends it later)
        }
        String type = p.failed() ? "video.failed" : "video.completed";
        if (p.plan().has(WebhookFaults.Kind.DROP)) {
            record(new Signed(DeliveryKind.DROPPED, videoId, type, newId("wh_"), seconds(), null,
                    event(videoId, type, p.finishAtMillis()), p.plan()), 0, Instant.now(clock), -1);
            return;
        }
        Signed genuine = signed(DeliveryKind.GENUINE, videoId, type, event(videoId, type, p.finishAtMillis()),
                newId("wh_"), p.plan());
        if (p.plan().has(WebhookFaults.Kind.REORDER)) {
            hold(genuine);
            return;
        }
        // events held back go once this one has been answered, so they certainly arrive after it
        send(genuine, 1, this::releaseHeld);
        if (p.plan().has(WebhookFaults.Kind.DUPLICATE)) {
            send(signed(DeliveryKind.DUPLICATE, videoId, type, genuine.body(), newId("wh_"), p.plan()), 1);
        }
    }

    /** Keeps a delivery back until the next one has gone, or until the hold time has passed. */
    private void hold(Signed delivery) {
        held.add(delivery);
        scheduler.schedule(() -> {
            if (held.remove(delivery)) {
                send(delivery, 1);
            }
        }, faults.reorderHoldTime().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void releaseHeld() {
        List<Signed> late = List.copyOf(held);
        held.clear();
        late.forEach(d -> send(d, 1));
    }

    private Signed bad(WebhookFaults.Kind fault, String videoId) {
        byte[] body = event(videoId, "video.completed", clock.millis());
        String id = newId("wh_");
        return switch (fault) {
            case FORGE -> {
                byte[] wrongKey = new byte[32];
                RANDOM.nextBytes(wrongKey);
                long ts = seconds();
                yield new Signed(DeliveryKind.FORGED, videoId, "video.completed", id, ts,
                        new WebhookSigner(wrongKey).sign(id, ts, body), body, null);
            }
            case TAMPER -> {
                long ts = seconds();
                String signature = signer.sign(id, ts, body);
                byte[] changed = new String(body, StandardCharsets.UTF_8)
                        .replace("\"object\":\"event\"", "\"object\":\"event\",\"note\":\"changed\"")
                        .getBytes(StandardCharsets.UTF_8);
                yield new Signed(DeliveryKind.TAMPERED, videoId, "video.completed", id, ts, signature, changed,
                        null);
            }
            default -> {
                long ts = seconds() - STALE_AGE.toSeconds();
                yield new Signed(DeliveryKind.STALE, videoId, "video.completed", id, ts, signer.sign(id, ts, body),
                        body, null);
            }
        };
    }

    private Signed signed(DeliveryKind kind, String videoId, String type, byte[] body, String id,
                          WebhookFaults.Plan plan) {
        long ts = seconds();
        return new Signed(kind, videoId, type, id, ts, signer.sign(id, ts, body), body, plan);
    }

    private void send(Signed d, int attempt) {
        send(d, attempt, () -> {
        });
    }

    /** Sends a delivery; {@code then} runs on the scheduler once it was answered (or failed). */
    private void send(Signed d, int attempt, Runnable then) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("content-type", "application/json")
                .header("user-agent", "camel-video-emulator webhooks")
                .header("webhook-id", d.webhookId())
                .header("webhook-timestamp", Long.toString(d.timestamp()))
                .header("webhook-signature", d.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                .build();
        Instant sentAt = Instant.now(clock);
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = error != null ? 0 : response.statusCode();
            record(d, attempt, sentAt, status);
            try {
                scheduler.execute(() -> {
                    then.run();
                    afterSending(d, attempt, status);
                });
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
            scheduler.schedule(() -> send(signed(d.kind(), d.videoId(), d.type(), d.body(), d.webhookId(),
                    d.plan()), attempt + 1), wait, TimeUnit.MILLISECONDS);
        } else if (accepted && d.kind() == DeliveryKind.GENUINE && d.plan() != null
                   && d.plan().has(WebhookFaults.Kind.REPLAY)) {
            send(new Signed(DeliveryKind.REPLAYED, d.videoId(), d.type(), d.webhookId(), d.timestamp(),
                    d.signature(), d.body(), null), 1);
        } else if (!accepted && retried) {
            LOG.debug("Gave up the {} event of {} after {} attempts", d.type(), d.videoId(), attempt);
        }
    }

    private void record(Signed d, int attempt, Instant sentAt, int status) {
        deliveries.add(new WebhookDelivery(sequence.incrementAndGet(), d.kind(), d.videoId(), d.type(),
                d.webhookId(), d.timestamp(), attempt, sentAt, status, d.body()));
    }

    private static byte[] event(String videoId, String type, long atMillis) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", newId("evt_"));
        event.put("object", "event");
        event.put("created_at", atMillis / 1000);
        event.put("type", type);
        event.put("data", Map.of("id", videoId));
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long seconds() {
        return clock.millis() / 1000;
    }

    private static String newId(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
