package io.github.camelvideo.core.protocol.kie;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.github.camelvideo.core.http.JsonApi;

/**
 * One Kie answer: {@code {"code": 200, "msg"|"message": "...", "data": {...}}}. Kie reports errors in {@code code}
 * even under HTTP 200, so the effective code is the envelope's when it has one, the HTTP status otherwise.
 *
 * @param code    the envelope's code, or the HTTP status when the body carries none
 * @param message the text of {@code msg}, or of {@code message} (the task read's example uses that key), or a snippet
 * @param data    the {@code data} object, a missing node when absent
 */
public record KieEnvelope(int code, String message, JsonNode data) {

    private static final int MAX_MESSAGE = 500;

    /** Whether the answer is a success ({@code code == 200}). */
    public boolean ok() {
        return code == 200;
    }

    /** Reads an answer; a body that is not Kie's envelope (a gateway's page) keeps the HTTP status as its code. */
    public static KieEnvelope parse(int httpStatus, byte[] body) {
        try {
            JsonNode json = body == null || body.length == 0 ? null : JsonApi.MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                int code = json.path("code").canConvertToInt() ? json.path("code").asInt() : httpStatus;
                return new KieEnvelope(code, message(json), json.path("data"));
            }
        } catch (IOException | RuntimeException notJson) {
            // not Kie's envelope: a proxy or gateway answered
        }
        return new KieEnvelope(httpStatus, "HTTP " + httpStatus + ": " + snippet(body), MissingNode.getInstance());
    }

    private static String message(JsonNode json) {
        if (json.path("msg").isTextual()) {
            return limit(json.path("msg").asText());
        }
        return json.path("message").isTextual() ? limit(json.path("message").asText()) : "";
    }

    private static String snippet(byte[] body) {
        return body == null ? "" : limit(new String(body, StandardCharsets.UTF_8).strip());
    }

    private static String limit(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
