package io.github.camelvideo.core.ops;

/**
 * The tags of a job's metrics.
 *
 * @param component the component's scheme, such as {@code sora}
 * @param provider  the provider, such as {@code openai}
 * @param model     the model id, or {@code unknown} when the request left it to the provider
 */
public record JobTags(String component, String provider, String model) {

    /** The value of the model tag when no model is known. */
    public static final String UNKNOWN_MODEL = "unknown";

    public JobTags {
        model = model == null || model.isBlank() ? UNKNOWN_MODEL : model;
    }
}
