package io.github.camelvideo.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a webhook request comes from the provider, before anything of it is read: one implementation per
 * signing scheme (Standard Webhooks, Kie's HMAC, fal's Ed25519, a per-job token in the URL). Stateless: replays are
 * the receiver's concern, through the delivery id a verified request yields.
 */
public interface WebhookVerifier {

    /** The largest body accepted; provider events are a few hundred bytes. */
    int maxBodyBytes();

    /** How far a delivery's timestamp may be from the clock: a delivery id is remembered this long and a second. */
    Duration tolerance();

    /**
     * Checks one request: headers, size, timestamp, signature, in that order.
     *
     * @return why it was refused, or the verified delivery's identity
     */
    Verification verify(WebhookRequest request);

    /**
     * The outcome of a verification.
     *
     * @param refusal    why the request was refused, or {@code null} when it is authentic
     * @param deliveryId the delivery's unique id (the same when the sender resends it), used to refuse replays; {@code
     *                   null} for schemes that have none, whose deliveries are then read each time (they are only
     *                   hints)
     * @param signedAt   when the delivery was signed, or {@code null} when the scheme does not say
     */
    record Verification(WebhookRefusal refusal, String deliveryId, Instant signedAt) {

        /** A refused request. */
        public static Verification refused(WebhookRefusal refusal) {
            return new Verification(Objects.requireNonNull(refusal, "refusal"), null, null);
        }

        /** An authentic request. */
        public static Verification verified(String deliveryId, Instant signedAt) {
            return new Verification(null, deliveryId, signedAt);
        }

        /** Whether the request is authentic. */
        public boolean isVerified() {
            return refusal == null;
        }
    }
}
