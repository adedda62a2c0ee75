package io.github.camelvideo.core.webhook;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One webhook request as received, before anything of it is trusted: its headers (names compared without case), its
 * query string (where protocols without signatures carry a per-job token) and the body's exact bytes, never parsed
 * and written again.
 */
public final class WebhookRequest {

    private final Map<String, String> headers;
    private final String query;
    private final byte[] body;

    /**
     * @param headers the request's headers, as sent
     * @param query   the raw query string, or {@code null}
     * @param body    the raw body, or {@code null} for none
     */
    public WebhookRequest(Map<String, String> headers, String query, byte[] body) {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, value) -> {
            if (name != null && value != null) {
                copy.put(name, value);
            }
        });
        this.headers = copy;
        this.query = query;
        this.body = body == null ? new byte[0] : body;
    }

    /** A header's value, or {@code null} when it was not sent. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The raw query string, or {@code null}. */
    public String query() {
        return query;
    }

    /** The value of a query parameter (URL-decoded), or {@code null}. */
    public String queryParameter(String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The raw body. */
    public byte[] body() {
        return body;
    }

    /** The Standard Webhooks view of this request: its three headers and the body. */
    public WebhookDelivery standardDelivery() {
        return new WebhookDelivery(header(WebhookDelivery.ID_HEADER), header(WebhookDelivery.TIMESTAMP_HEADER),
                header(WebhookDelivery.SIGNATURE_HEADER), body);
    }

    @Override
    public String toString() {
        // what was sent is not logged: only its size
        return "WebhookRequest[" + body.length + " bytes]";
    }
}
