package io.github.camelvideo.core.media;

import java.util.Objects;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/**
 * An input image, its format recognised from its bytes.
 *
 * @param bytes the image
 * @param type  its format (JPEG, PNG or WebP)
 */
public record ImageInput(byte[] bytes, MediaType type) {

    public ImageInput {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Recognises the image format from the bytes.
     *
     * @param field the request field, for the error message
     * @throws VideoRequestInvalidException when the bytes are not a JPEG, PNG or WebP image
     */
    public static ImageInput of(byte[] bytes, String field) {
        MediaType type = MediaType.detect(bytes).filter(MediaType::isImage).orElseThrow(() ->
                new VideoRequestInvalidException("Invalid " + field + ": " + bytes.length
                                                 + " bytes that are not a JPEG, PNG or WebP image. Allowed: image/jpeg,"
                                                 + " image/png, image/webp", field));
        return new ImageInput(bytes, type);
    }

    @Override
    public String toString() {
        return "ImageInput[" + type.contentType() + ", " + bytes.length + " bytes]";
    }
}
