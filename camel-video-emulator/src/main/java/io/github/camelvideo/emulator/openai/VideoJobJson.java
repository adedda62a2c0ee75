package io.github.camelvideo.emulator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.JobFateJson;
import io.github.camelvideo.emulator.media.FootageJson;

/** A {@link VideoJob} as stored in the state directory: every field, so the job reads the same after a restart. */
final class VideoJobJson {

    /** Format of the stored document, so a later emulator can read an earlier one. */
    private static final int FORMAT = 1;

    private VideoJobJson() {
    }

    static ObjectNode write(VideoJob job) {
        ObjectNode json = ApiResponse.JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("id", job.id());
        json.put("sequence", job.sequence());
        json.put("model", job.model());
        json.put("prompt", job.prompt());
        json.put("size", job.size());
        json.put("seconds", job.seconds());
        json.put("createdAtMillis", job.createdAtMillis());
        json.put("remixedFromVideoId", job.remixedFromVideoId());
        json.put("extensions", job.extensions());
        json.set("fate", JobFateJson.write(job.fate()));
        json.set("footage", FootageJson.write(job.footage()));
        json.put("requestDigest", job.requestDigest());
        return json;
    }

    static VideoJob read(JsonNode json) {
        return new VideoJob(json.get("id").asText(), json.get("sequence").asLong(), JobFateJson.text(json, "model"),
                JobFateJson.text(json, "prompt"), json.get("size").asText(), json.get("seconds").asInt(),
                json.get("createdAtMillis").asLong(), JobFateJson.text(json, "remixedFromVideoId"),
                json.get("extensions").asInt(), JobFateJson.read(json.get("fate")),
                FootageJson.read(json.get("footage")), JobFateJson.text(json, "requestDigest"));
    }
}
