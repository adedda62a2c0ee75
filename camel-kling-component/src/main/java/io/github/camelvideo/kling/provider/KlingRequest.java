package io.github.camelvideo.kling.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.support.Fingerprint;
import io.github.camelvideo.core.support.Maps;

/**
 * One Kling generation, provider-neutral: each provider translates it into its own wire fields.
 *
 * @param kind           which generation
 * @param prompt         the prompt
 * @param model          the Kling model, such as {@code kling-v3}
 * @param mode           {@code std} or {@code pro}
 * @param duration       the length in seconds as Kling's APIs take it (a string, {@code "3"}...{@code "15"}), or
 *                       {@code null} for the model's default
 * @param aspectRatio    16:9, 9:16 or 1:1 (text-to-video), or {@code null} for the default
 * @param generateAudio  whether to add sound, or {@code null} for the model's default
 * @param negativePrompt what to avoid, or {@code null}
 * @param cfgScale       how closely to follow the prompt (0 to 1), or {@code null}
 * @param image          the first frame as bytes (image-to-video), or {@code null}
 * @param imageUrl       the first frame as a URL or data URI (image-to-video), or {@code null}
 * @param lastFrame      the last frame as bytes, or {@code null}
 * @param lastFrameUrl   the last frame as a URL or data URI, or {@code null}
 * @param endpointId     a provider endpoint chosen explicitly (fal: an endpoint id; kling: an API path such as
 *                       {@code image2video}), or {@code null} to map the model
 * @param videoUrl       the video to continue (extend), or {@code null}
 * @param shots          the shots of one multi-shot task, in order (their lengths sum to {@code duration}), or an
 *                       empty list for a single-shot video
 */
public record KlingRequest(Kind kind, String prompt, String model, String mode, String duration, String aspectRatio,
                           Boolean generateAudio, String negativePrompt, Double cfgScale, ImageInput image,
                           String imageUrl, ImageInput lastFrame, String lastFrameUrl, String endpointId,
                           String videoUrl, List<Shot> shots)
        implements VideoJobRequest {

    public KlingRequest {
        shots = shots == null ? List.of() : List.copyOf(shots);
    }

    /**
     * One shot of a multi-shot task.
     *
     * @param prompt  what the shot shows
     * @param seconds how long it lasts, a whole number of seconds
     */
    public record Shot(String prompt, int seconds) {
    }

    /** Kling's length when none is given. */
    public static final int DEFAULT_SECONDS = 5;

    /** The generations. */
    public enum Kind {
        TEXT_TO_VIDEO("textToVideo"),
        IMAGE_TO_VIDEO("imageToVideo"),
        /** The next shot of an earlier video ({@link #videoUrl()}). */
        EXTEND("extend");

        private final String operation;

        Kind(String operation) {
            this.operation = operation;
        }

        /** The component operation making it, as the endpoint mappings name it. */
        public String operation() {
            return operation;
        }
    }

    @Override
    public Integer seconds() {
        return duration == null ? DEFAULT_SECONDS : Integer.valueOf(duration);
    }

    /** The mode, the tier a provider maps and prices. */
    @Override
    public String resolution() {
        return mode;
    }

    /** Whether the request has a first frame. */
    public boolean hasImage() {
        return image != null || imageUrl != null;
    }

    /** Whether the request is one multi-shot task. */
    public boolean isMultiShot() {
        return !shots.isEmpty();
    }

    /** Whether the request has a last frame. */
    public boolean hasLastFrame() {
        return lastFrame != null || lastFrameUrl != null;
    }

    @Override
    public Map<String, Object> ruledValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        Maps.putIfSet(values, "duration", duration);
        Maps.putIfSet(values, "aspectRatio", aspectRatio);
        Maps.putIfSet(values, "mode", mode);
        return values;
    }

    @Override
    public Map<String, String> requestFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind.name());
        fields.put("prompt", prompt);
        fields.put("model", model);
        fields.put("mode", mode);
        if (duration != null) {
            fields.put("duration", duration);
        }
        if (isMultiShot()) {
            fields.put("shots", Integer.toString(shots.size()));
        }
        return fields;
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of(kind, prompt, model, mode, duration, aspectRatio, generateAudio, negativePrompt, cfgScale,
                image == null ? null : image.bytes(), imageUrl, lastFrame == null ? null : lastFrame.bytes(),
                lastFrameUrl, endpointId, videoUrl, shots.stream().map(s -> Fingerprint.of(s.prompt(), s.seconds()))
                        .toList());
    }

    @Override
    public String toString() {
        // the prompt and images are the user's data: only their shape is described
        return "KlingRequest[" + kind + ", model=" + model + ", mode=" + mode + ", duration=" + duration
               + ", aspectRatio=" + aspectRatio + ", image=" + hasImage() + ", lastFrame=" + hasLastFrame()
               + ", video=" + (videoUrl != null) + ", shots=" + shots.size() + "]";
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
        b.mode = mode;
        b.duration = duration;
        b.aspectRatio = aspectRatio;
        b.generateAudio = generateAudio;
        b.negativePrompt = negativePrompt;
        b.cfgScale = cfgScale;
        b.image = image;
        b.imageUrl = imageUrl;
        b.lastFrame = lastFrame;
        b.lastFrameUrl = lastFrameUrl;
        b.endpointId = endpointId;
        b.videoUrl = videoUrl;
        b.shots = shots;
        return b;
    }

    /** Builds a {@link KlingRequest} by component name. */
    public static final class Builder {

        private Kind kind;
        private String prompt;
        private String model;
        private String mode;
        private String duration;
        private String aspectRatio;
        private Boolean generateAudio;
        private String negativePrompt;
        private Double cfgScale;
        private ImageInput image;
        private String imageUrl;
        private ImageInput lastFrame;
        private String lastFrameUrl;
        private String endpointId;
        private String videoUrl;
        private List<Shot> shots = List.of();

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

        /** Sets {@code mode}. */
        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /** Sets {@code duration}. */
        public Builder duration(String duration) {
            this.duration = duration;
            return this;
        }

        /** Sets {@code aspectRatio}. */
        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        /** Sets {@code generateAudio}. */
        public Builder generateAudio(Boolean generateAudio) {
            this.generateAudio = generateAudio;
            return this;
        }

        /** Sets {@code negativePrompt}. */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /** Sets {@code cfgScale}. */
        public Builder cfgScale(Double cfgScale) {
            this.cfgScale = cfgScale;
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

        /** Sets {@code lastFrame}. */
        public Builder lastFrame(ImageInput lastFrame) {
            this.lastFrame = lastFrame;
            return this;
        }

        /** Sets {@code lastFrameUrl}. */
        public Builder lastFrameUrl(String lastFrameUrl) {
            this.lastFrameUrl = lastFrameUrl;
            return this;
        }

        /** Sets {@code endpointId}. */
        public Builder endpointId(String endpointId) {
            this.endpointId = endpointId;
            return this;
        }

        /** Sets {@code videoUrl}. */
        public Builder videoUrl(String videoUrl) {
            this.videoUrl = videoUrl;
            return this;
        }

        /** Sets {@code shots}. */
        public Builder shots(List<Shot> shots) {
            this.shots = shots;
            return this;
        }

        /** The request. */
        public KlingRequest build() {
            return new KlingRequest(kind, prompt, model, mode, duration, aspectRatio, generateAudio, negativePrompt, cfgScale, image, imageUrl, lastFrame, lastFrameUrl, endpointId, videoUrl, shots);
        }
    }
}
