package io.github.camelvideo.emulator.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the API handlers see it, independent of the HTTP server.
 *
 * @param method upper-case HTTP method
 * @param path decoded request path, e.g. {@code /v1/videos/video_123}
 * @param query raw query string without '?', or null
 * @param headers request headers with lower-case names
 * @param body the request body (empty when none)
 */
public record ApiRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a query parameter, decoded, or null when absent. */
    public String queryParam(String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
