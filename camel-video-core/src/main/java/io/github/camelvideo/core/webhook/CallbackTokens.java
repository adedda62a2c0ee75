package io.github.camelvideo.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-job tokens in callback URLs, for protocols whose callbacks carry no signature (Kling's, Kie's without an HMAC
 * key): each create call gets the callback URL with a random {@code ref} and {@code token = HMAC-SHA256(key, ref)},
 * and a callback is read only when its URL carries a matching pair. Nothing is stored per job, so any instance
 * holding the same key accepts the callback.
 * <p>
 * The key is the webhookSecret when one is set. Without one, a key made at random once per JVM is used: callbacks of
 * jobs created before a restart, or by another instance, are then refused and those jobs are found by polling, so
 * set webhookSecret when jobs outlive the process or several instances share a callback URL.
 */
public final class CallbackTokens {

    /** The query parameter naming the create call. */
    public static final String REF = "ref";
    /** The query parameter carrying the token. */
    public static final String TOKEN = "token";

    /** Callback bodies of these protocols carry the task with its results: larger than a signed event. */
    private static final int MAX_BODY_BYTES = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS_KEY = randomBytes(32);

    private final byte[] key;

    private CallbackTokens(byte[] key) {
        this.key = key;
    }

    /**
     * @param secret the configured webhookSecret, or {@code null} for this JVM's random key
     */
    public static CallbackTokens of(WebhookSecret secret) {
        return new CallbackTokens(secret == null ? PROCESS_KEY : secret.key());
    }

    /** The callback URL for one create call: the receiver's URL with a fresh ref and its token. */
    public String urlFor(String callbackUrl) {
        String ref = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(16));
        return callbackUrl + (callbackUrl.indexOf('?') < 0 ? '?' : '&') + REF + "=" + ref + "&" + TOKEN + "="
               + token(ref);
    }

    /** Checks the ref and token of a callback's URL before anything else of it is read. */
    public WebhookVerifier verifier() {
        return new TokenVerifier();
    }

    String token(String ref) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(ref.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private final class TokenVerifier implements WebhookVerifier {

        @Override
        public int maxBodyBytes() {
            return MAX_BODY_BYTES;
        }

        @Override
        public Duration tolerance() {
            // the scheme has no timestamp: a callback is a hint followed by a read, so a late one does no harm
            return Duration.ofMinutes(5);
        }

        @Override
        public Verification verify(WebhookRequest request) {
            String ref = request.queryParameter(REF);
            String token = request.queryParameter(TOKEN);
            if (ref == null || ref.isEmpty() || token == null || token.isEmpty()) {
                return Verification.refused(WebhookRefusal.MALFORMED);
            }
            if (request.body().length > MAX_BODY_BYTES) {
                return Verification.refused(WebhookRefusal.TOO_LARGE);
            }
            boolean matches = MessageDigest.isEqual(token(ref).getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.UTF_8));
            // no delivery id: such callbacks are only hints, read each time they come
            return matches ? Verification.verified(null, null) : Verification.refused(WebhookRefusal.BAD_SIGNATURE);
        }
    }
}
