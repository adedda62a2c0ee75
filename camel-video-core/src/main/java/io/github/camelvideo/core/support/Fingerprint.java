package io.github.camelvideo.core.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A short digest of the values that make a request what it is, for default idempotency keys. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** Digests the parts; byte arrays count by content. */
    public static String of(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof byte[] bytes ? Integer.toHexString(Arrays.hashCode(bytes))
                    : String.valueOf(part)).append('|');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
