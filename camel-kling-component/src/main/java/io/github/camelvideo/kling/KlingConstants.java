package io.github.camelvideo.kling;

import org.apache.camel.spi.Metadata;

import io.github.camelvideo.core.camel.HeaderDescriptions;

/** Message headers of the {@code kling:} component. Input headers override endpoint options per message. */
public final class KlingConstants {

    @Metadata(label = "producer", description = HeaderDescriptions.OPERATION, javaType = "String",
              enums = "textToVideo,imageToVideo,storyboard,getTask,downloadVideo")
    public static final String OPERATION = "CamelKlingOperation";

    @Metadata(label = "producer", description = "The text prompt. Without it the message body is the prompt"
                                                + " (textToVideo, and imageToVideo when the image comes from"
                                                + " CamelKlingImageUrl).",
              javaType = "String")
    public static final String PROMPT = "CamelKlingPrompt";

    @Metadata(label = "producer", description = "The Kling model, overriding the endpoint's; on output, the model"
                                                + " of the job.",
              javaType = "String")
    public static final String MODEL = "CamelKlingModel";

    @Metadata(label = "producer", description = "The mode, std or pro, overriding the endpoint's.",
              javaType = "String", enums = "std,pro")
    public static final String MODE = "CamelKlingMode";

    @Metadata(label = "producer", description = "The requested length in seconds as a string (\"3\" to \"15\" on"
                                                + " Kling 3), overriding the endpoint's duration.",
              javaType = "String")
    public static final String DURATION = "CamelKlingDuration";

    @Metadata(label = "producer", description = "textToVideo: the aspect ratio (16:9, 9:16 or 1:1), overriding the"
                                                + " endpoint's.",
              javaType = "String")
    public static final String ASPECT_RATIO = "CamelKlingAspectRatio";

    @Metadata(label = "producer", description = "What the video should not show, overriding the endpoint's"
                                                + " negativePrompt.",
              javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelKlingNegativePrompt";

    @Metadata(label = "producer", description = "imageToVideo: an http(s) URL or a base64 data URL of the"
                                                + " first-frame image, used instead of image bytes in the body.",
              javaType = "String")
    public static final String IMAGE_URL = "CamelKlingImageUrl";

    @Metadata(label = "producer", description = "imageToVideo: the last frame the video ends on, as image bytes"
                                                + " (byte[], File, Path or InputStream); sent as a data URI.",
              javaType = "Object")
    public static final String LAST_FRAME = "CamelKlingLastFrame";

    @Metadata(label = "producer", description = "imageToVideo: an http(s) URL or a base64 data URL of the last frame,"
                                                + " instead of CamelKlingLastFrame.",
              javaType = "String")
    public static final String LAST_FRAME_URL = "CamelKlingLastFrameUrl";

    @Metadata(label = "producer", description = "fal: the endpoint id to submit to, overriding the endpoint's"
                                                + " endpointId and the model mapping; input of getTask and"
                                                + " downloadVideo too (any endpoint of the same fal app works). On"
                                                + " output, the endpoint the job was submitted to.",
              javaType = "String")
    public static final String ENDPOINT_ID = "CamelKlingEndpointId";

    @Metadata(label = "producer", description = "The task id (fal's request_id): input of getTask and downloadVideo;"
                                                + " set on output as soon as a task exists, failures included.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelKlingRequestId";

    @Metadata(label = "producer", description = "The task's status as the provider words it (fal: IN_QUEUE,"
                                                + " IN_PROGRESS, COMPLETED).",
              javaType = "String")
    public static final String STATUS = "CamelKlingStatus";

    @Metadata(label = "producer", description = "fal: the task's place in the queue while IN_QUEUE (0 is next), as"
                                                + " last read.",
              javaType = "Integer")
    public static final String QUEUE_POSITION = "CamelKlingQueuePosition";

    @Metadata(label = "producer", description = "The requested length in seconds; for a storyboard, the sum of its"
                                                + " scenes.",
              javaType = "Integer")
    public static final String SECONDS = "CamelKlingSeconds";

    @Metadata(label = "producer", description = "The size WIDTHxHEIGHT of the downloaded MP4, as probed.",
              javaType = "String")
    public static final String SIZE = "CamelKlingSize";

    @Metadata(label = "producer", description = "The finished video's URL at the provider (fal: a public media"
                                                + " URL).",
              javaType = "String")
    public static final String VIDEO_URL = "CamelKlingVideoUrl";

    @Metadata(label = "producer", description = HeaderDescriptions.COST_USD, javaType = "java.math.BigDecimal")
    public static final String COST_USD = "CamelKlingCostUsd";

    @Metadata(label = "producer", description = HeaderDescriptions.DURATION, javaType = "Double")
    public static final String VIDEO_DURATION = "CamelKlingVideoDuration";

    @Metadata(label = "producer", description = HeaderDescriptions.IDEMPOTENCY_KEY, javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelKlingIdempotencyKey";

    @Metadata(label = "producer", description = HeaderDescriptions.STORYBOARD_MODE
                                                + " On provider kling, multiShot when the storyboard was made as"
                                                + " one multi-shot task.", javaType = "String",
              enums = "auto,extend,stitch")
    public static final String STORYBOARD_MODE = "CamelKlingStoryboardMode";

    @Metadata(label = "producer", description = HeaderDescriptions.SCENE_JOB_IDS,
              javaType = "java.util.List<String>")
    public static final String SCENE_REQUEST_IDS = "CamelKlingSceneRequestIds";

    private KlingConstants() {
    }
}
