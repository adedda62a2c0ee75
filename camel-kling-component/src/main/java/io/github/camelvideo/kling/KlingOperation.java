package io.github.camelvideo.kling;

import io.github.camelvideo.core.camel.Operations;

/** The operations of the {@code kling:} endpoint. */
public enum KlingOperation {
    /** Generate a video from a prompt. */
    textToVideo,
    /** Generate a video from a first-frame image (and optionally a last frame) and a prompt. */
    imageToVideo,
    /**
     * Continue an earlier video (its URL in CamelKlingVideoUrl, as an earlier task's output sets it) with the next
     * shot the prompt describes. Kling's own API (provider kling) makes it with omni-video.
     */
    extend,
    /** Make one video of an ordered list of scenes (a storyboard in the body), each scene generated and joined. */
    storyboard,
    /** Fetch one task's status (the fal request), without waiting. */
    getTask,
    /** Download a finished task's video. */
    downloadVideo,
    /**
     * Consumer only, as from("kling:jobs"): one exchange for every job whose result no waiting exchange collected
     * (jobs submitted with waitForCompletion=false, and jobs resumed after a restart or taken over from another
     * instance).
     */
    jobs;

    /** Parses an operation name, listing the valid ones when it is not one of them. */
    public static KlingOperation fromValue(String value) {
        return Operations.fromValue(KlingOperation.class, value, "kling");
    }
}
