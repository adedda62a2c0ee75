package io.github.camelvideo.core.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * The timestamp header of a signed delivery, in whole Unix seconds, as every signing scheme here sends it; read
 * strictly (digits only, at most 12 of them), so that a header cannot smuggle anything into a signed message.
 */
public final class UnixSeconds {

    private static final int MAX_DIGITS = 12;

    private UnixSeconds() {
    }

    /** The instant a timestamp header names, or {@code null} when it is missing or not whole Unix seconds. */
    public static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < timestamp.length(); i++) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Instant.ofEpochSecond(Long.parseLong(timestamp));
    }

    /** Whether {@code signedAt} is within {@code tolerance} of {@code now}, before or after. */
    public static boolean fresh(Instant signedAt, Instant now, Duration tolerance) {
        return !signedAt.isBefore(now.minus(tolerance)) && !signedAt.isAfter(now.plus(tolerance));
    }
}
