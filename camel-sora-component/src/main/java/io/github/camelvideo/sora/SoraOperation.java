package io.github.camelvideo.sora;

import java.util.Arrays;
import java.util.stream.Collectors;

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
    /** Fetch one video job's status. */
    getVideo,
    /** List video jobs, one page at a time. */
    listVideos,
    /** Delete a completed or failed video and its assets. */
    deleteVideo,
    /** Download a completed video's content (video, thumbnail or spritesheet). */
    downloadVideo;

    /** Parses an operation name, listing the valid ones when it is not one of them. */
    public static SoraOperation fromValue(String value) {
        for (SoraOperation op : values()) {
            if (op.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown sora operation '" + value + "'. Valid operations: "
                                           + Arrays.stream(values()).map(Enum::name)
                                                   .collect(Collectors.joining(", ")));
    }

    /** Whether the operation creates a paid job. */
    public boolean createsJob() {
        return this == textToVideo || this == imageToVideo || this == remix || this == extend;
    }
}
