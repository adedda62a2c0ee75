package io.github.camelvideo.sora.openai;

import java.util.LinkedHashMap;
import java.util.List;
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
 * @param shots         the shots of one storyboard task (kind {@code STORYBOARD}), in order; empty otherwise
 * @param videoUrl      the share link of the video whose watermark is removed (kind {@code REMOVE_WATERMARK})
 * @param removeWatermark whether the provider removes its watermark from the result, or {@code null} for its default
 * @param uploadMethod  where the provider stores the result (Kie: {@code s3} or {@code oss}), or {@code null}
 */
public record SoraRequest(Kind kind, String prompt, String model, Integer seconds, String size, ImageInput image,
                          String imageUrl, String sourceVideoId, List<Shot> shots, String videoUrl,
                          Boolean removeWatermark, String uploadMethod) implements VideoJobRequest {

    public SoraRequest {
        shots = shots == null ? List.of() : List.copyOf(shots);
    }

    /** The create endpoints. */
    public enum Kind {
        CREATE,
        REMIX,
        EXTEND,
        /** One task making all the shots of a storyboard (Kie's sora-2-pro-storyboard). */
        STORYBOARD,
        /** A copy of a published Sora video without its watermark (Kie's sora-watermark-remover). */
        REMOVE_WATERMARK
    }

    /**
     * One shot of a storyboard task.
     *
     * @param scene   what the shot shows
     * @param seconds how long it lasts
     */
    public record Shot(String scene, int seconds) {
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
        put(fields, "videoUrl", videoUrl);
        if (!shots.isEmpty()) {
            fields.put("shots", Integer.toString(shots.size()));
        }
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
                sourceVideoId, shots.stream().map(s -> Fingerprint.of(s.scene(), s.seconds())).toList(), videoUrl,
                removeWatermark, uploadMethod);
    }

    /** A request built by name: every component not set is {@code null} (the provider's default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.kind = kind;
        b.prompt = prompt;
        b.model = model;
        b.seconds = seconds;
        b.size = size;
        b.image = image;
        b.imageUrl = imageUrl;
        b.sourceVideoId = sourceVideoId;
        b.shots = shots;
        b.videoUrl = videoUrl;
        b.removeWatermark = removeWatermark;
        b.uploadMethod = uploadMethod;
        return b;
    }

    /** Builds a {@link SoraRequest} by component name. */
    public static final class Builder {

        private Kind kind;
        private String prompt;
        private String model;
        private Integer seconds;
        private String size;
        private ImageInput image;
        private String imageUrl;
        private String sourceVideoId;
        private List<Shot> shots = List.of();
        private String videoUrl;
        private Boolean removeWatermark;
        private String uploadMethod;

        private Builder() {
        }

        /** Sets {@code kind}. */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** Sets {@code prompt}. */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /** Sets {@code model}. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets {@code seconds}. */
        public Builder seconds(Integer seconds) {
            this.seconds = seconds;
            return this;
        }

        /** Sets {@code size}. */
        public Builder size(String size) {
            this.size = size;
            return this;
        }

        /** Sets {@code image}. */
        public Builder image(ImageInput image) {
            this.image = image;
            return this;
        }

        /** Sets {@code imageUrl}. */
        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        /** Sets {@code sourceVideoId}. */
        public Builder sourceVideoId(String sourceVideoId) {
            this.sourceVideoId = sourceVideoId;
            return this;
        }

        /** Sets {@code shots}. */
        public Builder shots(List<Shot> shots) {
            this.shots = shots;
            return this;
        }

        /** Sets {@code videoUrl}. */
        public Builder videoUrl(String videoUrl) {
            this.videoUrl = videoUrl;
            return this;
        }

        /** Sets {@code removeWatermark}. */
        public Builder removeWatermark(Boolean removeWatermark) {
            this.removeWatermark = removeWatermark;
            return this;
        }

        /** Sets {@code uploadMethod}. */
        public Builder uploadMethod(String uploadMethod) {
            this.uploadMethod = uploadMethod;
            return this;
        }

        /** The request. */
        public SoraRequest build() {
            return new SoraRequest(kind, prompt, model, seconds, size, image, imageUrl, sourceVideoId, shots, videoUrl,
                    removeWatermark, uploadMethod);
        }
    }
}
