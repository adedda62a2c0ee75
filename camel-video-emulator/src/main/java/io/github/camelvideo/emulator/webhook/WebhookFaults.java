package io.github.camelvideo.emulator.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Faults of webhook deliveries, each applying to the next {@code times} video events and then used up. Thread-safe.
 * <ul>
 *   <li>{@link #duplicate}: the event is delivered twice, each under its own webhook-id;</li>
 *   <li>{@link #reorder}: the event is held back and delivered right after the next event (or after
 *       {@link #reorderHold} when no other event follows);</li>
 *   <li>{@link #delay}: the event is delivered that much later;</li>
 *   <li>{@link #drop}: the event is never delivered;</li>
 *   <li>{@link #forge}, {@link #tamper}, {@link #stale}: when the video is created, a bad delivery announcing its end
 *       is sent first (signed with a wrong secret; correctly signed and then its body changed; signed with a
 *       timestamp ten minutes old); the genuine event follows when the video ends;</li>
 *   <li>{@link #replay}: once the genuine delivery has been accepted, it is sent again byte for byte.</li>
 * </ul>
 * Bad and replayed deliveries are attempted once; genuine ones are retried while the receiver answers non-2xx.
 * The OpenAI sender ({@link WebhookSender}) and fal's ({@code emulator.fal.FalWebhookSender}) each have a plan of
 * their own; for fal, {@link #forge} signs with an Ed25519 key that is not in the JWKS the emulator serves.
 */
public final class WebhookFaults {

    /** The kinds of fault. */
    public enum Kind {
        DUPLICATE, REORDER, DELAY, DROP, FORGE, TAMPER, STALE, REPLAY
    }

    /**
     * The faults applying to one event.
     *
     * @param kinds the faults
     * @param delay how much later the event is delivered, with {@link Kind#DELAY}
     */
    public record Plan(List<Kind> kinds, Duration delay) {

        /** Whether the event has this fault. */
        public boolean has(Kind kind) {
            return kinds.contains(kind);
        }
    }

    private final Map<Kind, Integer> remaining = new EnumMap<>(Kind.class);
    private Duration delay = Duration.ZERO;
    private volatile Duration reorderHold = Duration.ofSeconds(1);

    /** A plan with no fault. */
    public WebhookFaults() {
    }

    /** The next {@code times} events are delivered twice, under two webhook-ids. */
    public WebhookFaults duplicate(int times) {
        return add(Kind.DUPLICATE, times);
    }

    /** The next {@code times} events are delivered after the event that follows them. */
    public WebhookFaults reorder(int times) {
        return add(Kind.REORDER, times);
    }

    /** How long a reordered event waits for a follower before it is delivered anyway; default 1 s. */
    public WebhookFaults reorderHold(Duration hold) {
        this.reorderHold = Objects.requireNonNull(hold, "hold");
        return this;
    }

    /** The next {@code times} events are delivered {@code by} later than the video's end. */
    public synchronized WebhookFaults delay(int times, Duration by) {
        this.delay = Objects.requireNonNull(by, "by");
        return add(Kind.DELAY, times);
    }

    /** The next {@code times} events are never delivered. */
    public WebhookFaults drop(int times) {
        return add(Kind.DROP, times);
    }

    /** The next {@code times} videos get a delivery signed with a wrong secret when created. */
    public WebhookFaults forge(int times) {
        return add(Kind.FORGE, times);
    }

    /** The next {@code times} videos get a correctly signed delivery whose body was then changed, when created. */
    public WebhookFaults tamper(int times) {
        return add(Kind.TAMPER, times);
    }

    /** The next {@code times} videos get a delivery with a ten-minute-old timestamp when created. */
    public WebhookFaults stale(int times) {
        return add(Kind.STALE, times);
    }

    /** The genuine deliveries of the next {@code times} events are sent again once accepted. */
    public WebhookFaults replay(int times) {
        return add(Kind.REPLAY, times);
    }

    /** Removes every fault not yet used. */
    public synchronized WebhookFaults clear() {
        remaining.clear();
        return this;
    }

    /** How long a reordered event waits for a follower. */
    public Duration reorderHoldTime() {
        return reorderHold;
    }

    private synchronized WebhookFaults add(Kind kind, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0");
        }
        remaining.merge(kind, times, Integer::sum);
        return this;
    }

    /** Takes one use of every fault that has some left, for the next event. */
    public synchronized Plan take() {
        List<Kind> kinds = new ArrayList<>();
        for (Map.Entry<Kind, Integer> e : remaining.entrySet()) {
            if (e.getValue() > 0) {
                kinds.add(e.getKey());
                e.setValue(e.getValue() - 1);
            }
        }
        return new Plan(List.copyOf(kinds), delay);
    }
}
