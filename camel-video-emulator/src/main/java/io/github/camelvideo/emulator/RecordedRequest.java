package io.github.camelvideo.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request the emulator received, with the status it answered, for assertions in tests.
 *
 * @param at arrival time (from the emulator's clock)
 * @param method HTTP method, upper case
 * @param path request path without the query, e.g. {@code /v1/videos}
 * @param query raw query string without '?', or null
 * @param headers request headers with lower-case names
 * @param body request body bytes (empty when none)
 * @param status response status; 0 when the connection was closed without a response
 */
public record RecordedRequest(Instant at, String method, String path, String query,
        Map<String, List<String>> headers, byte[] body, int status) {

    /** Copies the headers (lower-casing names) and body so the record is immutable. */
    public RecordedRequest {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The request body; a copy, so callers cannot change the record. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The first value of a header.
     *
     * @param name header name in any case
     * @return the value, or null when the header was absent
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The number of body bytes, without copying the body. */
    public int bodySize() {
        return body.length;
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
