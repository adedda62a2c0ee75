package io.github.camelvideo.core.webhook;

/**
 * Why a webhook delivery was refused, with the status it is answered with. The answer carries no detail: a sender
 * that is not the provider learns nothing from it.
 */
public enum WebhookRefusal {

    /** A Standard Webhooks header is missing or malformed (an id or timestamp with a dot, a timestamp not a number). */
    MALFORMED(400, "a webhook header is missing or malformed"),
    /** The body is larger than the receiver accepts. */
    TOO_LARGE(400, "the body is larger than the limit"),
    /** The timestamp is outside the tolerance, in the past or the future. */
    STALE(400, "the timestamp is outside the tolerance"),
    /** No signature entry matches the body under the configured secret (wrong secret, changed body). */
    BAD_SIGNATURE(401, "no signature matches"),
    /** A delivery with this id was accepted before (within the tolerance). */
    REPLAYED(400, "its webhook-id was seen before"),
    /** Signed correctly but not an event the receiver can read. */
    UNREADABLE(400, "the body is not an event");

    private final int status;
    private final String reason;

    WebhookRefusal(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status the delivery is answered with. */
    public int status() {
        return status;
    }

    /** Why, in words fit for a log line (never containing the delivery's content). */
    public String reason() {
        return reason;
    }
}
