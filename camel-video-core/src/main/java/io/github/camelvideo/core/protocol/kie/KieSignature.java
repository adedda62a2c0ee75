package io.github.camelvideo.core.protocol.kie;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Kie's optional callback signature: {@code X-Webhook-Signature} = base64(HMAC-SHA256(webhookHmacKey,
 * taskId + "." + X-Webhook-Timestamp)). It covers no body, so a verified callback is still only a hint that is
 * followed by a {@code recordInfo} read. Kie documents no window; ±300 s is applied. The signature is accepted in
 * base64 (documented) or hex (the encoding is not shown in every copy of the docs).
 */
public final class KieSignature {

    /** The header of the unix-seconds timestamp. */
    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    /** The header of the signature. */
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    /** How far a timestamp may be from now. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private KieSignature() {
    }

    /** The documented signature (base64) of a task id and timestamp. */
    public static String sign(byte[] key, String taskId, String timestamp) {
        return Base64.getEncoder().encodeToString(hmac(key, taskId, timestamp));
    }

    /** Whether the signature is valid for the task id and timestamp, and the timestamp within the window. */
    public static boolean verify(byte[] key, String taskId, String timestamp, String signature, Instant now) {
        if (taskId == null || timestamp == null || signature == null || !within(timestamp, now)) {
            return false;
        }
        byte[] expected = hmac(key, taskId, timestamp);
        byte[] given = decode(signature.strip());
        return given != null && MessageDigest.isEqual(expected, given);
    }

    private static boolean within(String timestamp, Instant now) {
        try {
            long seconds = Long.parseLong(timestamp.strip());
            return Math.abs(now.getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
        } catch (NumberFormatException notSeconds) {
            return false;
        }
    }

    private static byte[] decode(String signature) {
        if (signature.length() == 64 && signature.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(signature);
        }
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, String taskId, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((taskId + "." + timestamp).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
