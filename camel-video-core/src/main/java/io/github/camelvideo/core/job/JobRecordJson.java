package io.github.camelvideo.core.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;

/**
 * The JSON form of a {@link JobRecord} and of its parts. Field names are part of the stored format: a reader ignores
 * fields it does not know, so a later format can add fields that this release skips.
 */
final class JobRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobRecordJson() {
    }

    static byte[] write(JobRecord record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", record.format());
        node.put("key", record.key());
        node.put("version", record.version());
        node.put("provider", record.provider());
        node.set("ref", refNode(record.ref()));
        node.put("requestDigest", record.requestDigest());
        node.put("state", record.state().name());
        node.put("costEstimateUsd", record.costEstimateUsd() == null ? null : record.costEstimateUsd().toPlainString());
        node.put("outputFile", record.outputFile() == null ? null : record.outputFile().toString());
        node.set("headers", MAPPER.valueToTree(record.headers()));
        node.put("owner", record.owner());
        node.put("leaseExpiresAt", text(record.leaseExpiresAt()));
        node.put("createdAt", text(record.createdAt()));
        node.put("updatedAt", text(record.updatedAt()));
        node.set("failure", failureNode(record.failure()));
        node.put("partOf", record.partOf());
        node.set("request", MAPPER.valueToTree(record.request()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new JobStoreException("Cannot write the job record of key '" + record.key() + "' as JSON", e);
        }
    }

    /**
     * Reads a record.
     *
     * @throws IOException when the bytes are not a record this release can read (torn, edited, or a later format)
     */
    static JobRecord read(byte[] json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        try {
            int format = required(node, "format").asInt();
            if (format < 1 || format > JobRecord.FORMAT) {
                throw new IOException("record format " + format + " is not one this release reads (1 to "
                        + JobRecord.FORMAT + ")");
            }
            return new JobRecord(format, required(node, "key").asText(), required(node, "version").asLong(),
                    string(node, "provider"), ref(node.get("ref")), string(node, "requestDigest"),
                    DurableState.valueOf(required(node, "state").asText()), decimal(string(node, "costEstimateUsd")),
                    path(string(node, "outputFile")), map(node.get("headers")), string(node, "owner"),
                    instant(string(node, "leaseExpiresAt")), instant(string(node, "createdAt")),
                    instant(string(node, "updatedAt")), failure(node.get("failure")), string(node, "partOf"),
                    map(node.get("request")));
        } catch (RuntimeException e) {
            throw new IOException("invalid record: " + e.getMessage(), e);
        }
    }

    static String refText(JobRef ref) {
        return ref == null ? null : refNode(ref).toString();
    }

    static JobRef refOf(String json) throws IOException {
        return json == null ? null : ref(MAPPER.readTree(json));
    }

    static String headersText(Map<String, String> headers) {
        return MAPPER.valueToTree(headers).toString();
    }

    static Map<String, String> headersOf(String json) throws IOException {
        return json == null ? Map.of() : map(MAPPER.readTree(json));
    }

    static String failureText(JobError failure) {
        return failure == null ? null : failureNode(failure).toString();
    }

    static JobError failureOf(String json) throws IOException {
        return json == null ? null : failure(MAPPER.readTree(json));
    }

    private static JsonNode refNode(JobRef ref) {
        if (ref == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("provider", ref.provider());
        node.put("id", ref.id());
        node.set("attributes", MAPPER.valueToTree(ref.attributes()));
        return node;
    }

    private static JsonNode failureNode(JobError failure) {
        if (failure == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("category", failure.category().name());
        node.put("code", failure.code());
        node.put("message", failure.message());
        node.set("reasons", MAPPER.valueToTree(failure.reasons()));
        return node;
    }

    private static JobRef ref(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new JobRef(required(node, "provider").asText(), required(node, "id").asText(),
                map(node.get("attributes")));
    }

    private static JobError failure(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        JsonNode listed = node.get("reasons");
        if (listed != null) {
            listed.forEach(reason -> reasons.add(reason.asText()));
        }
        return new JobError(string(node, "code"), string(node, "message"), category(string(node, "category")),
                reasons);
    }

    private static ErrorCategory category(String name) {
        if (name == null) {
            return ErrorCategory.UNKNOWN;
        }
        try {
            return ErrorCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorCategory.UNKNOWN; // a category added by a later release
        }
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        }
        return map;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the field '" + field + "' is missing");
        }
        return value;
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
