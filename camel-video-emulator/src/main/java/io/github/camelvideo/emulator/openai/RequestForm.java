package io.github.camelvideo.emulator.openai;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;

/**
 * The fields of a JSON or {@code multipart/form-data} request body behind one interface, so
 * validation is written once. Multipart text fields become JSON strings (they are strings on
 * the wire), bracketed names such as {@code video[id]} become nested objects, and file parts
 * are kept aside.
 */
final class RequestForm {

    private static final Pattern NESTED = Pattern.compile("([A-Za-z0-9_]+)\\[([A-Za-z0-9_]+)]");

    private final ObjectNode fields;
    private final Map<String, Multipart.Part> files;

    private RequestForm(ObjectNode fields, Map<String, Multipart.Part> files) {
        this.fields = fields;
        this.files = files;
    }

    /**
     * Reads the body according to its Content-Type.
     *
     * @throws ApiException 400 for unparseable bodies or unsupported content types
     */
    static RequestForm parse(ApiRequest request) {
        String contentType = request.header("content-type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("multipart/form-data")) {
            return fromMultipart(Multipart.parse(contentType, request.body()));
        }
        if (mediaType.equals("application/json") || (mediaType.isEmpty() && request.body().length > 0)) {
            return fromJson(request.body());
        }
        if (mediaType.isEmpty()) {
            return new RequestForm(JsonNodeFactory.instance.objectNode(), Map.of());
        }
        throw ApiException.invalidRequest("Unsupported content type: '" + mediaType + "'. This API method only accepts"
                + " 'application/json' and 'multipart/form-data' requests.", null, null);
    }

    private static RequestForm fromJson(byte[] body) {
        JsonNode node;
        try {
            node = ApiResponse.JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalidRequest("We could not parse the JSON body of your request. (HINT: This likely means"
                    + " you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was"
                    + " sent was not valid JSON.)", null, null);
        }
        return new RequestForm((ObjectNode) node, Map.of());
    }

    private static RequestForm fromMultipart(java.util.List<Multipart.Part> parts) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        Map<String, Multipart.Part> files = new LinkedHashMap<>();
        for (Multipart.Part part : parts) {
            if (part.isFile()) {
                files.put(part.name(), part);
                continue;
            }
            Matcher nested = NESTED.matcher(part.name());
            if (nested.matches()) {
                JsonNode parent = fields.get(nested.group(1));
                ObjectNode object = parent instanceof ObjectNode o ? o : fields.putObject(nested.group(1));
                object.put(nested.group(2), part.text());
            } else {
                fields.put(part.name(), part.text());
            }
        }
        return new RequestForm(fields, files);
    }

    /** Rejects any field or file not in {@code allowed}, like the real API does. */
    void rejectUnknown(Set<String> allowed) {
        for (String name : names()) {
            if (!allowed.contains(name)) {
                throw ApiException.unknownParameter(name);
            }
        }
    }

    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        fields.fieldNames().forEachRemaining(names::add);
        names.addAll(files.keySet());
        return names;
    }

    /** The raw JSON value of a field; null when absent or JSON null. */
    JsonNode node(String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** An uploaded file, or null. */
    Multipart.Part file(String name) {
        return files.get(name);
    }

    /** A string field that must be present. */
    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            if (fields.has(name)) {
                throw ApiException.invalidType(name, "a string", "null");
            }
            throw ApiException.missing(name);
        }
        return value;
    }

    /** A string field, or null when absent. A non-string value (e.g. the number 8) is a 400. */
    String optionalString(String name) {
        if (files.containsKey(name)) {
            throw ApiException.invalidType(name, "a string", "a file");
        }
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidType(name, "a string", describe(node));
        }
        return node.textValue();
    }

    static String describe(JsonNode node) {
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNull() ? "null" : "a string";
    }
}
