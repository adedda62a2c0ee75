package io.github.camelvideo.core.push;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelvideo.core.webhook.WebhookRefusal;

/** Counts of what a webhook receiver did with its deliveries since it started. Thread-safe. */
public final class WebhookStats {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong unknownJobs = new AtomicLong();
    private final AtomicLong otherEvents = new AtomicLong();
    private final Map<WebhookRefusal, AtomicLong> refused = new EnumMap<>(WebhookRefusal.class);

    public WebhookStats() {
        for (WebhookRefusal r : WebhookRefusal.values()) {
            refused.put(r, new AtomicLong());
        }
    }

    /** Verified deliveries that announced a job this instance waits for, which was then read at once. */
    public long accepted() {
        return accepted.get();
    }

    /** Verified deliveries about a job this instance does not wait for (acknowledged, ignored). */
    public long unknownJobs() {
        return unknownJobs.get();
    }

    /** Verified deliveries of an event type about no job (acknowledged, ignored). */
    public long otherEvents() {
        return otherEvents.get();
    }

    /** Deliveries refused for this reason. */
    public long refused(WebhookRefusal reason) {
        return refused.get(reason).get();
    }

    /** Deliveries refused for any reason. */
    public long refused() {
        return refused.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Counts one refusal; returns how many of this reason there have been, this one included. */
    long countRefused(WebhookRefusal reason) {
        return refused.get(reason).incrementAndGet();
    }

    void countAccepted() {
        accepted.incrementAndGet();
    }

    void countUnknownJob() {
        unknownJobs.incrementAndGet();
    }

    void countOtherEvent() {
        otherEvents.incrementAndGet();
    }

    @Override
    public String toString() {
        return "WebhookStats[accepted=" + accepted + ", unknownJobs=" + unknownJobs + ", otherEvents=" + otherEvents
               + ", refused=" + refused + "]";
    }
}
