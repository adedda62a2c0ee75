package io.github.camelvideo.kling.nativeapi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer token of Kling's API: a JWT signed with HS256 by the secret key, {@code iss} the access key, valid from
 * five seconds before it was made ({@code nbf}, for clocks slightly ahead of ours) for 30 minutes ({@code exp}), as
 * Kling documents it. The token is kept and made again before it expires, or at once when the server refused it as
 * expired. Neither key nor token is ever logged.
 */
public final class KlingJwt {

    /** How long a token is valid: Kling's documented 1800 s. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** How long before its expiry a token is replaced, so that a request in flight never carries an expired one. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    /** How far {@code nbf} lies before the token was made. */
    static final Duration NOT_BEFORE_SLACK = Duration.ofSeconds(5);

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final String accessKey;
    private final byte[] secretKey;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public KlingJwt(String accessKey, String secretKey, Clock clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The token to send now: the kept one, or a new one when it expires within {@link #RENEW_BEFORE}. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expiresAt.minus(RENEW_BEFORE))) {
            long issued = now.getEpochSecond();
            expiresAt = Instant.ofEpochSecond(issued + LIFETIME.toSeconds());
            token = sign(issued);
        }
        return token;
    }

    /** Drops the kept token (the server said it expired): the next {@link #token()} makes a new one. */
    public synchronized void renew() {
        token = null;
    }

    /** When the kept token expires, for tests and diagnostics. */
    synchronized Instant expiresAt() {
        return expiresAt;
    }

    private String sign(long issuedAt) {
        String payload = "{\"iss\":\"" + json(accessKey) + "\",\"exp\":" + (issuedAt + LIFETIME.toSeconds())
                         + ",\"nbf\":" + (issuedAt - NOT_BEFORE_SLACK.toSeconds()) + "}";
        String unsigned = HEADER + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return unsigned + "." + URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KlingJwt[token valid until " + expiresAt + "]"; // never the keys or the token
    }
}
