package io.github.camelvideo.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvideo.emulator.core.ApiResponse;

/**
 * A {@link RecordedRequest} as kept in the state directory: everything but credentials, which are
 * stored as {@link Secrets#REDACTED} (a record read back shows that the header was there).
 */
final class RecordedRequestJson {

    /** Format of the stored document, so a later emulator can read an earlier one. */
    private static final int FORMAT = 1;

    private RecordedRequestJson() {
    }

    /** Zero-padded, so file names sort in arrival order. */
    static String fileName(long sequence) {
        return String.format("%015d", sequence);
    }

    static ObjectNode write(long sequence, RecordedRequest request) {
        ObjectNode json = ApiResponse.JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("sequence", sequence);
        json.put("at", request.at().toString());
        json.put("method", request.method());
        json.put("path", request.path());
        json.put("query", Secrets.redactQuery(request.query()));
        ObjectNode headers = json.putObject("headers");
        request.headers().forEach((name, values) -> {
            ArrayNode stored = headers.putArray(name);
            values.forEach(value -> stored.add(Secrets.isSecretHeader(name) ? Secrets.REDACTED : value));
        });
        json.put("body", Base64.getEncoder().encodeToString(request.body()));
        json.put("status", request.status());
        return json;
    }

    static long sequence(JsonNode json) {
        return json.get("sequence").asLong();
    }

    static RecordedRequest read(JsonNode json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        json.path("headers").fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            field.getValue().forEach(v -> values.add(v.asText()));
            headers.put(field.getKey(), values);
        });
        JsonNode query = json.get("query");
        return new RecordedRequest(Instant.parse(json.get("at").asText()), json.get("method").asText(),
                json.get("path").asText(), query == null || query.isNull() ? null : query.asText(), headers,
                Base64.getDecoder().decode(json.get("body").asText()), json.get("status").asInt());
    }
}
