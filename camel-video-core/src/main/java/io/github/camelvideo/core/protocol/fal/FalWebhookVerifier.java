package io.github.camelvideo.core.protocol.fal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import io.github.camelvideo.core.webhook.UnixSeconds;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookRequest;
import io.github.camelvideo.core.webhook.WebhookVerifier;

/**
 * Checks a fal webhook delivery as fal documents it: the headers {@code X-Fal-Webhook-Request-Id},
 * {@code X-Fal-Webhook-User-Id}, {@code X-Fal-Webhook-Timestamp} (Unix seconds) and {@code X-Fal-Webhook-Signature}
 * (hex), then the body's size, then the timestamp (within the tolerance, ±300 s by default), then the Ed25519
 * signature of {@code request_id + "\n" + user_id + "\n" + timestamp + "\n" + hex(sha256(raw body))} under any key of
 * fal's JWKS ({@link FalJwks}, whose keys are fetched in the background: a verification never waits for the
 * network). A delivery that matches no key asks the key cache for a refresh (rate-limited) and is refused; fal sends
 * it again later.
 * <p>
 * The delivery id is the request id and the timestamp: fal signs each attempt anew with a fresh timestamp, so a
 * resend of the same event is read again (one status read more), while the same signed delivery sent twice is a
 * replay the receiver refuses.
 */
public final class FalWebhookVerifier implements WebhookVerifier {

    public static final String REQUEST_ID_HEADER = "X-Fal-Webhook-Request-Id";
    public static final String USER_ID_HEADER = "X-Fal-Webhook-User-Id";
    public static final String TIMESTAMP_HEADER = "X-Fal-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Fal-Webhook-Signature";
    /** The window fal's documentation sets for the timestamp: five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    /** The largest body accepted by default: fal's body carries the model's output (a few URLs and sizes). */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    /** The longest request or user id accepted: a bound on what is remembered per delivery. */
    private static final int MAX_ID_LENGTH = 256;
    /** An Ed25519 signature is 64 bytes, 128 hex digits. */
    private static final int SIGNATURE_HEX_LENGTH = 128;

    private final FalJwks keys;
    private final Duration tolerance;
    private final int maxBodyBytes;
    private final Clock clock;

    /**
     * @param keys         fal's public keys, fetched in the background
     * @param tolerance    how far the timestamp may be from the clock, either way
     * @param maxBodyBytes the largest body accepted
     * @param clock        the time deliveries are checked against
     */
    public FalWebhookVerifier(FalJwks keys, Duration tolerance, int maxBodyBytes, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.maxBodyBytes = maxBodyBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A verifier with fal's tolerance and the default body limit on the system clock. */
    public FalWebhookVerifier(FalJwks keys) {
        this(keys, DEFAULT_TOLERANCE, DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
    }

    @Override
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public Duration tolerance() {
        return tolerance;
    }

    @Override
    public Verification verify(WebhookRequest request) {
        String requestId = request.header(REQUEST_ID_HEADER);
        String userId = request.header(USER_ID_HEADER);
        String timestamp = request.header(TIMESTAMP_HEADER);
        String signature = request.header(SIGNATURE_HEADER);
        Instant signedAt = UnixSeconds.parse(timestamp);
        if (!wellFormed(requestId) || userId == null || userId.length() > MAX_ID_LENGTH || userId.indexOf('\n') >= 0
            || signedAt == null || !hex(signature)) {
            return Verification.refused(WebhookRefusal.MALFORMED);
        }
        if (request.body().length > maxBodyBytes) {
            return Verification.refused(WebhookRefusal.TOO_LARGE);
        }
        if (!UnixSeconds.fresh(signedAt, clock.instant(), tolerance)) {
            return Verification.refused(WebhookRefusal.STALE);
        }
        byte[] message = message(requestId, userId, timestamp, request.body());
        if (!matchesAny(keys.keys(), message, HexFormat.of().parseHex(signature))) {
            // perhaps a key fal rotated in since the keys were read: they are read again (rate-limited)
            keys.unknownKey();
            return Verification.refused(WebhookRefusal.BAD_SIGNATURE);
        }
        return Verification.verified(requestId + ":" + timestamp, signedAt);
    }

    /** The signed message: {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))}. */
    public static byte[] message(String requestId, String userId, String timestamp, byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return (requestId + "\n" + userId + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static boolean matchesAny(List<PublicKey> candidates, byte[] message, byte[] signature) {
        for (PublicKey key : candidates) {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(key);
                ed25519.update(message);
                if (ed25519.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature for this key: try the next one
            }
        }
        return false;
    }

    private static boolean wellFormed(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.indexOf('\n') < 0;
    }

    private static boolean hex(String signature) {
        if (signature == null || signature.length() != SIGNATURE_HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < signature.length(); i++) {
            if (Character.digit(signature.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "FalWebhookVerifier[" + keys + "]";
    }
}
