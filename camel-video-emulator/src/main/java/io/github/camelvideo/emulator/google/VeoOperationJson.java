package io.github.camelvideo.emulator.google;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.JobFateJson;
import io.github.camelvideo.emulator.media.FootageJson;

/** A {@link VeoOperation} as stored in the state directory. */
final class VeoOperationJson {

    /** Format of the stored document, so a later emulator can read an earlier one. */
    private static final int FORMAT = 1;

    private VeoOperationJson() {
    }

    /** A file name for the operation: its id, which is unique on both surfaces (random letters or a UUID). */
    static String fileName(VeoOperation op) {
        return op.dialect().name().toLowerCase(java.util.Locale.ROOT) + "-" + op.id();
    }

    static ObjectNode write(VeoOperation op) {
        ObjectNode json = ApiResponse.JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("name", op.name());
        json.put("id", op.id());
        json.put("dialect", op.dialect().name());
        json.put("createdAtMillis", op.createdAtMillis());
        json.set("fate", JobFateJson.write(op.fate()));
        json.set("footage", FootageJson.write(op.rendition().footage()));
        op.fileIds().forEach(json.putArray("fileIds")::add);
        json.put("storageUri", op.storageUri());
        json.put("samples", op.samples());
        json.put("requestDigest", op.requestDigest());
        return json;
    }

    static VeoOperation read(JsonNode json) {
        List<String> fileIds = new ArrayList<>();
        json.path("fileIds").forEach(f -> fileIds.add(f.asText()));
        return new VeoOperation(json.get("name").asText(), json.get("id").asText(),
                Dialect.valueOf(json.get("dialect").asText()), json.get("createdAtMillis").asLong(),
                JobFateJson.read(json.get("fate")), new Rendition(FootageJson.read(json.get("footage"))),
                List.copyOf(fileIds), JobFateJson.text(json, "storageUri"), json.get("samples").asInt(),
                JobFateJson.text(json, "requestDigest"));
    }
}
