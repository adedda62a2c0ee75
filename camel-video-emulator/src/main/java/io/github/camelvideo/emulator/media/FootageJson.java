package io.github.camelvideo.emulator.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link Footage} as stored in the state directory: enough to render the same file again after
 * a restart (an upload's bytes are kept by the {@link MediaLibrary} under its digest).
 */
public final class FootageJson {

    private FootageJson() {
    }

    /** The footage as JSON. */
    public static ObjectNode write(Footage footage) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (footage instanceof Footage.Fresh fresh) {
            json.put("type", "fresh").put("width", fresh.width()).put("height", fresh.height())
                    .put("seconds", fresh.seconds());
        } else if (footage instanceof Footage.Uploaded uploaded) {
            json.put("type", "uploaded").put("digest", uploaded.digest()).put("width", uploaded.width())
                    .put("height", uploaded.height()).put("seconds", uploaded.seconds());
        } else {
            Footage.Continued continued = (Footage.Continued) footage;
            json.put("type", "continued").put("addedSeconds", continued.addedSeconds());
            json.set("source", write(continued.source()));
        }
        return json;
    }

    /** The footage {@link #write} stored. */
    public static Footage read(JsonNode json) {
        String type = json.get("type").asText();
        return switch (type) {
            case "fresh" -> Footage.fresh(json.get("width").asInt(), json.get("height").asInt(),
                    json.get("seconds").asInt());
            case "uploaded" -> new Footage.Uploaded(json.get("digest").asText(), json.get("width").asInt(),
                    json.get("height").asInt(), json.get("seconds").asInt());
            case "continued" -> new Footage.Continued(read(json.get("source")), json.get("addedSeconds").asInt());
            default -> throw new IllegalArgumentException("Unknown footage type " + type);
        };
    }
}
