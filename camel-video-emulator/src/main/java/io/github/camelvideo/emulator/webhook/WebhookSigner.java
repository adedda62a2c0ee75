package io.github.camelvideo.emulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as Standard Webhooks 1.0 specifies and OpenAI does: {@code v1,} then the base64 HMAC-SHA256 of
 * {@code webhook-id.webhook-timestamp.body} under the secret's key ({@code whsec_<base64>} decoded, any other secret
 * as its UTF-8 bytes).
 */
final class WebhookSigner {

    private final byte[] key;

    WebhookSigner(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The webhook secret is empty");
        }
        String s = secret.trim();
        this.key = s.startsWith("whsec_") ? Base64.getDecoder().decode(s.substring(6))
                : s.getBytes(StandardCharsets.UTF_8);
    }

    WebhookSigner(byte[] key) {
        this.key = key.clone();
    }

    String sign(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
