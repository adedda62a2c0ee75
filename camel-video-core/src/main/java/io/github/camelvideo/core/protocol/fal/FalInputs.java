package io.github.camelvideo.core.protocol.fal;

import java.util.Base64;

import io.github.camelvideo.core.media.ImageInput;

/** Input values as fal's models take them. */
public final class FalInputs {

    private FalInputs() {
    }

    /**
     * An image as a base64 data URI ({@code data:image/png;base64,...}), which fal's {@code *_image_url} fields take
     * in place of a URL, named by the type its bytes show.
     */
    public static String dataUri(ImageInput image) {
        return "data:" + image.type().contentType() + ";base64," + Base64.getEncoder().encodeToString(image.bytes());
    }
}
