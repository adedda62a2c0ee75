package io.github.camelvideo.sora;

import org.apache.camel.spi.Metadata;

import io.github.camelvideo.core.camel.HeaderDescriptions;

/** Message headers of the {@code sora:} component. Input headers override endpoint options per message. */
public final class SoraConstants {

    @Metadata(label = "producer", description = HeaderDescriptions.OPERATION,
              javaType = "String", enums = "textToVideo,imageToVideo,remix,extend,storyboard,getVideo,listVideos,"
                                           + "deleteVideo,downloadVideo,removeWatermark")
    public static final String OPERATION = "CamelSoraOperation";

    @Metadata(label = "producer", description = "The text prompt. Without it the message body is the prompt"
                                                + " (textToVideo, remix, extend, and imageToVideo when the image"
                                                + " comes from CamelSoraImageUrl).",
              javaType = "String")
    public static final String PROMPT = "CamelSoraPrompt";

    @Metadata(label = "producer", description = "The model id, overriding the endpoint's; on output, the model"
                                                + " the provider reports.",
              javaType = "String")
    public static final String MODEL = "CamelSoraModel";

    @Metadata(label = "producer", description = "Requested video length in seconds, overriding the endpoint's; on"
                                                + " output, the length the provider reports (for extensions, the"
                                                + " stitched total; for a storyboard, the sum of its scenes).",
              javaType = "Integer")
    public static final String SECONDS = "CamelSoraSeconds";

    @Metadata(label = "producer", description = "Requested size WIDTHxHEIGHT, overriding the endpoint's; on output,"
                                                + " the size of the downloaded MP4 as probed (or as reported when"
                                                + " nothing was downloaded).",
              javaType = "String")
    public static final String SIZE = "CamelSoraSize";

    @Metadata(label = "producer", description = "imageToVideo: an http(s) URL or a base64 data URL of the first-frame"
                                                + " image,"
                                                + " used instead of image bytes in the body.",
              javaType = "String")
    public static final String IMAGE_URL = "CamelSoraImageUrl";

    @Metadata(label = "producer", description = "The video (job) id: input of remix, extend, getVideo, deleteVideo"
                                                + " and downloadVideo; set on output as soon as a job exists,"
                                                + " failures included.",
              javaType = "String")
    public static final String VIDEO_ID = "CamelSoraVideoId";

    @Metadata(label = "producer", description = "removeWatermark: the sora.chatgpt.com share link of the video, used"
                                                + " instead of the message body; on output (provider kie), the URL of"
                                                + " the result Kie serves.",
              javaType = "String")
    public static final String VIDEO_URL = "CamelSoraVideoUrl";

    @Metadata(label = "producer", description = "The job's status: queued, in_progress, completed or failed"
                                                + " (provider kie: waiting, queuing, generating, success or fail).",
              javaType = "String")
    public static final String STATUS = "CamelSoraStatus";

    @Metadata(label = "producer", description = "The job's progress in percent (0-100).", javaType = "Integer")
    public static final String PROGRESS = "CamelSoraProgress";

    @Metadata(label = "producer", description = "When the job's downloadable assets expire, if known.",
              javaType = "java.time.Instant")
    public static final String EXPIRES_AT = "CamelSoraExpiresAt";

    @Metadata(label = "producer", description = HeaderDescriptions.COST_USD,
              javaType = "java.math.BigDecimal")
    public static final String COST_USD = "CamelSoraCostUsd";

    @Metadata(label = "producer", description = HeaderDescriptions.DURATION,
              javaType = "Double")
    public static final String DURATION = "CamelSoraDuration";

    @Metadata(label = "producer", description = "Which content downloadVideo fetches: video, thumbnail or"
                                                + " spritesheet, overriding the endpoint's variant.",
              javaType = "String")
    public static final String VARIANT = "CamelSoraVariant";

    @Metadata(label = "producer", description = HeaderDescriptions.IDEMPOTENCY_KEY,
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelSoraIdempotencyKey";

    @Metadata(label = "producer", description = HeaderDescriptions.STORYBOARD_MODE
                                                + " On provider kie, multiShot when the storyboard was made as one"
                                                + " sora-2-pro-storyboard task.", javaType = "String",
              enums = "auto,extend,stitch")
    public static final String STORYBOARD_MODE = "CamelSoraStoryboardMode";

    @Metadata(label = "producer", description = HeaderDescriptions.SCENE_JOB_IDS,
              javaType = "java.util.List<String>")
    public static final String SCENE_VIDEO_IDS = "CamelSoraSceneVideoIds";

    private SoraConstants() {
    }
}
