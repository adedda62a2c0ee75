package io.github.camelvideo.emulator.webhook;

/** Told about every video the OpenAI surface creates, so its end can be announced. */
public interface VideoEvents {

    /** Nobody listens. */
    VideoEvents NONE = (id, finishAtMillis, failed) -> {
    };

    /**
     * A video was created.
     *
     * @param videoId        its id
     * @param finishAtMillis when it completes or fails, on the emulator's clock; negative when it never finishes
     * @param failed         whether it ends failed (an error or the safety filters)
     */
    void created(String videoId, long finishAtMillis, boolean failed);
}
