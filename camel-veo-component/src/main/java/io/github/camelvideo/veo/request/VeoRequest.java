package io.github.camelvideo.veo.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.support.Fingerprint;
import io.github.camelvideo.core.support.Maps;

/**
 * One Veo {@code predictLongRunning} call, provider-neutral: the Gemini API and Vertex AI take the same instance and
 * parameter fields, and each provider sends those it supports.
 *
 * @param prompt           the prompt, or {@code null} for an image-only request
 * @param model            model id
 * @param aspectRatio      16:9 or 9:16, or {@code null} for the default
 * @param resolution       720p, 1080p or 4k, or {@code null} for the default
 * @param durationSeconds  length in seconds, or {@code null} for the default
 * @param negativePrompt   what to avoid, or {@code null}
 * @param personGeneration allow_all, allow_adult or dont_allow, or {@code null}
 * @param seed             Vertex only, or {@code null}
 * @param generateAudio    Vertex only, or {@code null}
 * @param storageUri       Vertex only: gs:// prefix for the output, or {@code null}
 * @param image            first frame, or {@code null}
 * @param lastFrame        last frame, or {@code null}
 * @param referenceImages  asset reference images, possibly empty
 * @param video            the video to extend, or {@code null}
 */
public record VeoRequest(String prompt, String model, String aspectRatio, String resolution, Integer durationSeconds,
                         String negativePrompt, String personGeneration, Long seed, Boolean generateAudio,
                         String storageUri, ImageInput image, ImageInput lastFrame, List<ImageInput> referenceImages,
                         VideoInput video) implements VideoJobRequest {

    /** Veo's default length when durationSeconds is not sent. */
    public static final int DEFAULT_SECONDS = 8;
    /** What one extension adds (Veo 3.1). */
    public static final int EXTENSION_SECONDS = 7;
    /** Veo's default resolution. */
    public static final String DEFAULT_RESOLUTION = "720p";

    public VeoRequest {
        referenceImages = referenceImages == null ? List.of() : List.copyOf(referenceImages);
    }

    /**
     * The video an extension continues: a URI (a Gemini API file URI or a {@code gs://} URI), MP4 bytes, or the task
     * id of an earlier job (Kie's Veo API extends a task, not a file).
     *
     * @param uri    the URI, or {@code null}
     * @param bytes  the MP4, or {@code null}
     * @param taskId the provider's id of the job that made the video, or {@code null}
     */
    public record VideoInput(String uri, byte[] bytes, String taskId) {

        /** A video given by URI or bytes. */
        public VideoInput(String uri, byte[] bytes) {
            this(uri, bytes, null);
        }

        /** The video of an earlier job, known by its task id. */
        public static VideoInput ofTask(String taskId) {
            return new VideoInput(null, null, taskId);
        }
    }

    /** Whether this request extends a video. */
    public boolean isExtension() {
        return video != null;
    }

    @Override
    public Integer seconds() {
        if (isExtension()) {
            return EXTENSION_SECONDS; // what the call adds, and so what it costs
        }
        return durationSeconds != null ? durationSeconds : DEFAULT_SECONDS;
    }

    /** The resolution as asked for, {@code null} when the provider default applies. */
    public String requestedResolution() {
        return resolution;
    }

    @Override
    public String resolution() {
        return resolution != null ? resolution : DEFAULT_RESOLUTION;
    }

    @Override
    public Map<String, Object> ruledValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        Maps.putIfSet(values, "durationSeconds", durationSeconds);
        Maps.putIfSet(values, "resolution", resolution);
        Maps.putIfSet(values, "aspectRatio", aspectRatio);
        Maps.putIfSet(values, "personGeneration", personGeneration);
        if (!referenceImages.isEmpty()) {
            values.put("referenceImages", referenceImages.size() + " images");
        }
        return values;
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of(prompt, model, aspectRatio, resolution, durationSeconds, negativePrompt,
                personGeneration, seed, generateAudio, storageUri, bytes(image), bytes(lastFrame),
                referenceImages.stream().map(i -> Fingerprint.of(i.bytes())).toList(),
                videoSource(), video == null ? null : video.bytes());
    }

    /** The URI of the video to extend, or its task id (marked, so that it never equals a URI). */
    private String videoSource() {
        if (video == null) {
            return null;
        }
        return video.taskId() != null ? "task:" + video.taskId() : video.uri();
    }

    private static byte[] bytes(ImageInput image) {
        return image == null ? null : image.bytes();
    }

    @Override
    public String toString() {
        // the prompt and media are the user's data: only their shape is described
        return "VeoRequest[model=" + model + ", resolution=" + resolution + ", durationSeconds=" + durationSeconds
               + ", extension=" + isExtension() + ", referenceImages=" + referenceImages.size() + "]";
    }

    /** A request built by name: every component not set is {@code null} (the provider's default). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.prompt = prompt;
        b.model = model;
        b.aspectRatio = aspectRatio;
        b.resolution = resolution;
        b.durationSeconds = durationSeconds;
        b.negativePrompt = negativePrompt;
        b.personGeneration = personGeneration;
        b.seed = seed;
        b.generateAudio = generateAudio;
        b.storageUri = storageUri;
        b.image = image;
        b.lastFrame = lastFrame;
        b.referenceImages = referenceImages;
        b.video = video;
        return b;
    }

    /** Builds a {@link VeoRequest} by component name. */
    public static final class Builder {

        private String prompt;
        private String model;
        private String aspectRatio;
        private String resolution;
        private Integer durationSeconds;
        private String negativePrompt;
        private String personGeneration;
        private Long seed;
        private Boolean generateAudio;
        private String storageUri;
        private ImageInput image;
        private ImageInput lastFrame;
        private List<ImageInput> referenceImages;
        private VideoInput video;

        private Builder() {
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

        /** Sets {@code aspectRatio}. */
        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        /** Sets {@code resolution}. */
        public Builder resolution(String resolution) {
            this.resolution = resolution;
            return this;
        }

        /** Sets {@code durationSeconds}. */
        public Builder durationSeconds(Integer durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        /** Sets {@code negativePrompt}. */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /** Sets {@code personGeneration}. */
        public Builder personGeneration(String personGeneration) {
            this.personGeneration = personGeneration;
            return this;
        }

        /** Sets {@code seed}. */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets {@code generateAudio}. */
        public Builder generateAudio(Boolean generateAudio) {
            this.generateAudio = generateAudio;
            return this;
        }

        /** Sets {@code storageUri}. */
        public Builder storageUri(String storageUri) {
            this.storageUri = storageUri;
            return this;
        }

        /** Sets {@code image}. */
        public Builder image(ImageInput image) {
            this.image = image;
            return this;
        }

        /** Sets {@code lastFrame}. */
        public Builder lastFrame(ImageInput lastFrame) {
            this.lastFrame = lastFrame;
            return this;
        }

        /** Sets {@code referenceImages}. */
        public Builder referenceImages(List<ImageInput> referenceImages) {
            this.referenceImages = referenceImages;
            return this;
        }

        /** Sets {@code video}. */
        public Builder video(VideoInput video) {
            this.video = video;
            return this;
        }

        /** The request. */
        public VeoRequest build() {
            return new VeoRequest(prompt, model, aspectRatio, resolution, durationSeconds, negativePrompt, personGeneration, seed, generateAudio, storageUri, image, lastFrame, referenceImages, video);
        }
    }
}
