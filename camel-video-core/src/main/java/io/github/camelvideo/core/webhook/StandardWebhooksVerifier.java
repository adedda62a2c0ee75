package io.github.camelvideo.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery signed as Standard Webhooks 1.0 specifies (symmetric, {@code v1}), which OpenAI's webhooks
 * follow: HMAC-SHA256 under the secret's key over {@code webhook-id + "." + webhook-timestamp + "." + raw body},
 * base64-encoded; the signature header may hold several space-separated {@code v1,<base64>} entries (a key rotation)
 * and one match is enough; entries of other versions are skipped. Signatures are compared in constant time. The
 * timestamp must be within the tolerance of the clock, before or after. Replays are not this class's concern (it
 * keeps no state): the caller remembers accepted ids.
 */
public final class StandardWebhooksVerifier implements WebhookVerifier {

    /** The tolerance of Standard Webhooks' reference libraries and OpenAI's SDKs: five minutes either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** The largest body accepted by default; provider events are a few hundred bytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    /** The longest id accepted: a bound on what is remembered per delivery. */
    private static final int MAX_ID_LENGTH = 256;

    private final byte[] key;
    private final Duration tolerance;
    private final int maxBodyBytes;
    private final Clock clock;

    /**
     * @param secret       the secret shared with the sender
     * @param tolerance    how far the timestamp may be from the clock, either way
     * @param maxBodyBytes the largest body accepted
     * @param clock        the time deliveries are checked against
     */
    public StandardWebhooksVerifier(WebhookSecret secret, Duration tolerance, int maxBodyBytes, Clock clock) {
        this.key = Objects.requireNonNull(secret, "secret").key();
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.maxBodyBytes = maxBodyBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A verifier with the default tolerance and body limit on the system clock. */
    public StandardWebhooksVerifier(WebhookSecret secret) {
        this(secret, DEFAULT_TOLERANCE, DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
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
        WebhookDelivery delivery = request.standardDelivery();
        Optional<WebhookRefusal> refusal = verify(delivery);
        return refusal.map(Verification::refused)
                .orElseGet(() -> Verification.verified(delivery.id(), signedAt(delivery)));
    }

    /**
     * Checks a delivery: headers, size, timestamp, then signature.
     *
     * @return empty when it is authentic and fresh, else why not
     */
    public Optional<WebhookRefusal> verify(WebhookDelivery delivery) {
        if (!wellFormedId(delivery.id()) || delivery.signature() == null || delivery.signature().isBlank()) {
            return Optional.of(WebhookRefusal.MALFORMED);
        }
        Instant signedAt = UnixSeconds.parse(delivery.timestamp());
        if (signedAt == null) {
            return Optional.of(WebhookRefusal.MALFORMED);
        }
        if (delivery.body().length > maxBodyBytes) {
            return Optional.of(WebhookRefusal.TOO_LARGE);
        }
        if (!UnixSeconds.fresh(signedAt, clock.instant(), tolerance)) {
            return Optional.of(WebhookRefusal.STALE);
        }
        byte[] expected = mac(key, delivery.id(), signedAt.getEpochSecond(), delivery.body());
        return matchesAny(delivery.signature(), expected) ? Optional.empty()
                : Optional.of(WebhookRefusal.BAD_SIGNATURE);
    }

    /** When a delivery was signed, from its timestamp header, or {@code null} when the header is not valid. */
    public static Instant signedAt(WebhookDelivery delivery) {
        return UnixSeconds.parse(delivery.timestamp());
    }

    /**
     * The signature header value of a delivery: {@code v1,<base64>}.
     *
     * @param secret    the signing secret
     * @param id        the delivery's {@code webhook-id}
     * @param timestamp its {@code webhook-timestamp}, Unix seconds
     * @param body      the exact body bytes sent
     */
    public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(secret.key(), id, timestamp, body));
    }

    private static boolean matchesAny(String header, byte[] expected) {
        boolean matched = false;
        for (String entry : header.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            // every entry is compared, so the time taken does not tell which entry (or how much of it) matched
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    private static byte[] mac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean wellFormedId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.indexOf('.') < 0;
    }
}
