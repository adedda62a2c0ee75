package io.github.camelvideo.veo;

import org.apache.camel.spi.Metadata;

import io.github.camelvideo.core.camel.HeaderDescriptions;

/** Message headers of the {@code veo:} component. Input headers override endpoint options per message. */
public final class VeoConstants {

    @Metadata(label = "producer", description = HeaderDescriptions.OPERATION,
              javaType = "String", enums = "textToVideo,imageToVideo,extend,storyboard,getOperation,"
                                           + "downloadVideo")
    public static final String OPERATION = "CamelVeoOperation";

    @Metadata(label = "producer", description = "The text prompt. Without it the message body is the prompt"
                                                + " (textToVideo and extend). imageToVideo takes the image as body"
                                                + " and the prompt, which is optional there, from this header.",
              javaType = "String")
    public static final String PROMPT = "CamelVeoPrompt";

    @Metadata(label = "producer", description = "The model id, overriding the endpoint's; on output, the model of"
                                                + " the operation.",
              javaType = "String")
    public static final String MODEL = "CamelVeoModel";

    @Metadata(label = "producer", description = "Requested video length in seconds, overriding the endpoint's"
                                                + " durationSeconds. Input only: the length of the result is in"
                                                + " CamelVeoDuration.",
              javaType = "Integer")
    public static final String DURATION_SECONDS = "CamelVeoDurationSeconds";

    @Metadata(label = "producer", description = "Requested resolution (720p, 1080p or 4k), overriding the"
                                                + " endpoint's.",
              javaType = "String")
    public static final String RESOLUTION = "CamelVeoResolution";

    @Metadata(label = "producer", description = "Requested aspect ratio (16:9 or 9:16), overriding the endpoint's.",
              javaType = "String")
    public static final String ASPECT_RATIO = "CamelVeoAspectRatio";

    @Metadata(label = "producer", description = "What the video should not show, overriding the endpoint's"
                                                + " negativePrompt.",
              javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelVeoNegativePrompt";

    @Metadata(label = "producer", description = "imageToVideo: the last frame (byte array, File, Path or InputStream of"
                                                + " a JPEG, PNG or WebP image); the body is the first frame.",
              javaType = "Object")
    public static final String LAST_FRAME = "CamelVeoLastFrame";

    @Metadata(label = "producer", description = "imageToVideo: up to three reference images of the subject (a List"
                                                + " of byte arrays, Files, Paths or InputStreams), for 8-second videos.",
              javaType = "java.util.List")
    public static final String REFERENCE_IMAGES = "CamelVeoReferenceImages";

    @Metadata(label = "producer", description = "The URI of a generated video: input of extend (a Gemini API file"
                                                + " URI, or a gs:// URI on Vertex AI); set on output when the result"
                                                + " has one, so an extend step can follow.",
              javaType = "String")
    public static final String VIDEO_URI = "CamelVeoVideoUri";

    @Metadata(label = "producer", description = "The operation name, which is the job id: input of getOperation and"
                                                + " downloadVideo, and with provider=kie of extend (the Kie task id"
                                                + " of the earlier job); set on output as soon as the operation"
                                                + " exists, failures included.",
              javaType = "String")
    public static final String OPERATION_NAME = "CamelVeoOperationName";

    @Metadata(label = "producer", description = "The operation's state: running, succeeded, failed or filtered"
                                                + " (safety filters removed the video); fal's and Kie's own status"
                                                + " words with those providers (on kie: generating, success,"
                                                + " failed, upstream_failed, 1080p_pending, 4k_created). Veo"
                                                + " reports no progress percentage.",
              javaType = "String")
    public static final String STATUS = "CamelVeoStatus";

    @Metadata(label = "producer", description = HeaderDescriptions.COST_USD,
              javaType = "java.math.BigDecimal")
    public static final String COST_USD = "CamelVeoCostUsd";

    @Metadata(label = "producer", description = HeaderDescriptions.DURATION,
              javaType = "Double")
    public static final String DURATION = "CamelVeoDuration";

    @Metadata(label = "producer", description = "Size WIDTHxHEIGHT of the downloaded MP4, as probed.",
              javaType = "String")
    public static final String SIZE = "CamelVeoSize";

    @Metadata(label = "producer", description = HeaderDescriptions.IDEMPOTENCY_KEY,
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelVeoIdempotencyKey";

    @Metadata(label = "producer", description = HeaderDescriptions.STORYBOARD_MODE, javaType = "String",
              enums = "auto,extend,stitch")
    public static final String STORYBOARD_MODE = "CamelVeoStoryboardMode";

    @Metadata(label = "producer", description = HeaderDescriptions.SCENE_JOB_IDS,
              javaType = "java.util.List<String>")
    public static final String SCENE_OPERATION_NAMES = "CamelVeoSceneOperationNames";

    private VeoConstants() {
    }
}
