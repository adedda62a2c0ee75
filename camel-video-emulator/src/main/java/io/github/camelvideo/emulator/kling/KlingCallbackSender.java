package io.github.camelvideo.emulator.kling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.webhook.DeliveryKind;
import io.github.camelvideo.emulator.webhook.WebhookDelivery;

/**
 * Kling's callbacks: the task object, as a task read answers it, POSTed to the {@code callback_url} of its create
 * call whenever its status changes (to {@code processing}, then to {@code succeed} or {@code failed}), unsigned as
 * Kling documents them. Each is sent once; nothing sleeps: one scheduler thread and the HTTP client's threads do the
 * work. Times are on the emulator's clock; {@link #deliverDue()} sends what is due after a test moved it.
 */
public final class KlingCallbackSender implements AutoCloseable {

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler;
    private final List<Pending> pending = new ArrayList<>();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private record Pending(String taskId, String status, URI url, long atMillis, Supplier<Map<String, Object>> task) {
    }

    public KlingCallbackSender(Clock clock) {
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "video-emulator-kling-callbacks");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Plans the callbacks of a task: one when it starts processing, one when it ends.
     *
     * @param startMillis when it starts processing, on the emulator's clock
     * @param endMillis   when it ends, or a negative value when it never does
     * @param task        the task object at the moment of sending
     */
    synchronized void created(String taskId, URI url, long startMillis, long endMillis,
                              Supplier<Map<String, Object>> task) {
        plan(new Pending(taskId, "processing", url, startMillis, task));
        if (endMillis >= 0) {
            plan(new Pending(taskId, "end", url, endMillis, task));
        }
    }

    private void plan(Pending p) {
        pending.add(p);
        scheduler.schedule(this::deliverDue, Math.max(0, p.atMillis() - clock.millis()), TimeUnit.MILLISECONDS);
    }

    /** Sends every callback due by the emulator's clock and not sent yet, oldest first. */
    public void deliverDue() {
        List<Pending> due = new ArrayList<>();
        synchronized (this) {
            long now = clock.millis();
            pending.removeIf(p -> p.atMillis() <= now && due.add(p));
        }
        due.sort(java.util.Comparator.comparingLong(Pending::atMillis));
        for (Pending p : due) {
            send(p);
        }
    }

    private void send(Pending p) {
        byte[] body;
        try {
            body = ApiResponse.JSON.writeValueAsBytes(p.task().get());
        } catch (IOException e) {
            return;
        }
        String status = String.valueOf(p.task().get().get("task_status"));
        HttpRequest request = HttpRequest.newBuilder(p.url()).timeout(Duration.ofSeconds(15))
                .header("content-type", "application/json").header("user-agent", "camel-video-emulator kling")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Instant sentAt = Instant.now(clock);
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            synchronized (this) {
                deliveries.add(new WebhookDelivery(sequence.incrementAndGet(), DeliveryKind.GENUINE, p.taskId(),
                        "kling." + status, "", sentAt.getEpochSecond(), 1, sentAt,
                        error != null ? 0 : response.statusCode(), body));
            }
        });
    }

    /** The callbacks sent, in the order their answers came. */
    public synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
