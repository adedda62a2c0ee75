package io.github.camelvideo.emulator.core;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link JobFate} as stored in the state directory. */
public final class JobFateJson {

    private JobFateJson() {
    }

    /** The fate as JSON. */
    public static ObjectNode write(JobFate fate) {
        ObjectNode json = ApiResponse.JSON.createObjectNode();
        json.put("kind", fate.kind().name());
        json.put("errorCode", fate.errorCode());
        json.put("errorMessage", fate.errorMessage());
        fate.filterReasons().forEach(json.putArray("filterReasons")::add);
        return json;
    }

    /** The fate {@link #write} stored. */
    public static JobFate read(JsonNode json) {
        List<String> reasons = new ArrayList<>();
        json.path("filterReasons").forEach(r -> reasons.add(r.asText()));
        return new JobFate(JobFate.Kind.valueOf(json.get("kind").asText()), text(json, "errorCode"),
                text(json, "errorMessage"), reasons);
    }

    /** A text field, or null when absent or null. */
    public static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
