package io.github.camelvideo.core.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key of a symmetric webhook signature. A secret written {@code whsec_<base64>} (the Standard Webhooks form,
 * shown by OpenAI's dashboard) is the base64-decoded bytes after the prefix; any other secret is its own UTF-8 bytes,
 * as OpenAI's SDKs read a secret without the prefix. Never printed.
 */
public final class WebhookSecret {

    /** The prefix of a Standard Webhooks symmetric secret. */
    public static final String PREFIX = "whsec_";

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads a secret as configured.
     *
     * @throws IllegalArgumentException when it is empty, or its {@code whsec_} part is not base64 (the message never
     *                                  contains the secret)
     */
    public static WebhookSecret of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        String trimmed = secret.trim();
        if (!trimmed.startsWith(PREFIX)) {
            return new WebhookSecret(trimmed.getBytes(StandardCharsets.UTF_8));
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote a character of the secret: not passed on
            throw new IllegalArgumentException("The webhook secret starts with " + PREFIX
                                               + " but what follows is not base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("The webhook secret has nothing after " + PREFIX);
        }
        return new WebhookSecret(key);
    }

    /** A copy of the key bytes. */
    byte[] key() {
        return key.clone();
    }

    /** Whether both secrets give the same key (compared in constant time). */
    public boolean sameKey(WebhookSecret other) {
        return java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret other && sameKey(other);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
