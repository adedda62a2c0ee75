package io.github.camelvideo.sora;

import io.github.camelvideo.core.camel.Operations;

/** The operations of the {@code sora:} endpoint. */
public enum SoraOperation {
    /** Generate a video from a prompt. */
    textToVideo,
    /** Generate a video from a prompt and a first-frame image. */
    imageToVideo,
    /** Re-generate a completed video with a new prompt. */
    remix,
    /** Continue a completed video with a new prompt and length. */
    extend,
    /** Make one video of an ordered list of scenes (a storyboard in the body). */
    storyboard,
    /** Fetch one video job's status. */
    getVideo,
    /** List video jobs, one page at a time. */
    listVideos,
    /** Delete a completed or failed video and its assets. */
    deleteVideo,
    /** Download a completed video's content (video, thumbnail or spritesheet). */
    downloadVideo,
    /**
     * Make a copy of a published Sora video without its watermark (provider kie only: Kie's sora-watermark-remover,
     * with the sora.chatgpt.com share link in the body or the CamelSoraVideoUrl header).
     */
    removeWatermark,
    /**
     * Consumer only, as from("sora:jobs"): one exchange for every job whose result no waiting exchange collected (jobs
     * submitted with waitForCompletion=false, and jobs resumed after a restart or taken over from another instance).
     */
    jobs;

    /** Parses an operation name, listing the valid ones when it is not one of them. */
    public static SoraOperation fromValue(String value) {
        return Operations.fromValue(SoraOperation.class, value, "sora");
    }

    /** Whether the operation creates a paid job. */
    public boolean createsJob() {
        return this == textToVideo || this == imageToVideo || this == remix || this == extend
               || this == storyboard || this == removeWatermark;
    }
}
