package io.github.camelvideo.sora.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.support.Fingerprint;

/**
 * One create call of the OpenAI Videos API.
 *
 * @param kind          which endpoint creates the job
 * @param prompt        the prompt
 * @param model         model id (create only)
 * @param seconds       requested length (create), or seconds added (extend); {@code null} for the server default
 * @param size          WIDTHxHEIGHT (create only), or {@code null}
 * @param image         first-frame image bytes (create only), or {@code null}
 * @param imageUrl      first-frame image URL (create only), or {@code null}
 * @param sourceVideoId the video remixed or extended
 */
public record SoraRequest(Kind kind, String prompt, String model, Integer seconds, String size, ImageInput image,
                          String imageUrl, String sourceVideoId) implements VideoJobRequest {

    /** The create endpoints. */
    public enum Kind {
        CREATE,
        REMIX,
        EXTEND
    }

    @Override
    public String resolution() {
        return size;
    }

    @Override
    public Map<String, Object> ruledValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        if (seconds != null) {
            values.put("seconds", seconds);
        }
        if (size != null) {
            values.put("size", size);
        }
        return values;
    }

    @Override
    public Map<String, String> requestFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind.name());
        put(fields, "prompt", prompt);
        put(fields, "model", model);
        put(fields, "seconds", seconds == null ? null : seconds.toString());
        put(fields, "size", size);
        put(fields, "sourceVideoId", sourceVideoId);
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of(kind, prompt, model, seconds, size, image == null ? null : image.bytes(), imageUrl,
                sourceVideoId);
    }
}
