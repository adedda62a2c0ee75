package io.github.camelvideo.veo;

import io.github.camelvideo.core.camel.Operations;

/** The operations of the {@code veo:} component. */
public enum VeoOperation {
    /** Generate a video from a prompt. */
    textToVideo,
    /** Generate a video from a first-frame image, optionally a last frame and reference images. */
    imageToVideo,
    /** Continue an earlier Veo video. */
    extend,
    /** Make one video of an ordered list of scenes (a storyboard in the body). */
    storyboard,
    /** Fetch an operation's state once. */
    getOperation,
    /** Download the video of a finished operation. */
    downloadVideo,
    /**
     * Consumer only, as from("veo:jobs"): one exchange for every job whose result no waiting exchange collected (jobs
     * submitted with waitForCompletion=false, and jobs resumed after a restart or taken over from another instance).
     */
    jobs;

    /** Parses an operation name, listing the valid ones when it is not one of them. */
    public static VeoOperation fromValue(String value) {
        return Operations.fromValue(VeoOperation.class, value, "veo");
    }
}
