package io.github.camelvideo.core.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the timing hints servers send: {@code retry-after-ms}, {@code Retry-After} and {@code openai-poll-after-ms}. */
public final class ServerHints {

    private ServerHints() {
    }

    /** The delay a 429 or 503 asks for, from {@code retry-after-ms} or {@code Retry-After} (seconds or HTTP date). */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(ServerHints::millis);
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(v -> parseRetryAfter(v, now));
    }

    /** The OpenAI poll helper hint {@code openai-poll-after-ms}. */
    public static Optional<Duration> pollAfter(HttpHeaders headers) {
        return headers.firstValue("openai-poll-after-ms").flatMap(ServerHints::millis);
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> millis(String value) {
        try {
            double ms = Double.parseDouble(value.trim());
            return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) ms));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
