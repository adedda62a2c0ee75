package io.github.camelvideo.core.camel;

/**
 * Descriptions of the headers every video component has, so their documentation is written once. They are
 * compile-time constants for use in {@code @Metadata(description = ...)}.
 */
public final class HeaderDescriptions {

    /** The operation header. */
    public static final String OPERATION = "The operation to perform, overriding the endpoint's.";

    /** The cost estimate header. */
    public static final String COST_USD = "Estimated cost of the job in US dollars (seconds x price per second for"
                                          + " the model and its size or resolution), when the model is priced; for"
                                          + " a storyboard, the sum over its scenes.";

    /** The probed duration header. */
    public static final String DURATION = "Duration in seconds of the downloaded MP4, as probed.";

    /** The idempotency key header. */
    public static final String IDEMPOTENCY_KEY = "Key under which the created job is recorded in the job store: a"
                                                 + " later exchange with the same key follows that job instead of"
                                                 + " creating another. Defaults to the exchange id plus a digest of"
                                                 + " the request, so a redelivered step never pays twice while"
                                                 + " another job step of the same exchange makes its own job.";

    /** The storyboard mode header. */
    public static final String STORYBOARD_MODE = "storyboard: how the scenes become one video (auto, extend or"
                                                 + " stitch), overriding the endpoint's storyboardMode; on output,"
                                                 + " the way the video was made (extend or stitch).";

    /** The scene job ids header. */
    public static final String SCENE_JOB_IDS = "storyboard: the job ids of the scenes, in order (a"
                                               + " java.util.List of String). On a failure, the scenes that"
                                               + " completed; an attempt with the same idempotency key reuses"
                                               + " them.";

    private HeaderDescriptions() {
    }
}
