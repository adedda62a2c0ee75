package io.github.camelvideo.core.media;

import java.util.Objects;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/**
 * An input image, its format recognised from its bytes and its structure read through to its end, so that a file
 * cut short is refused before it is sent with a paid request.
 *
 * @param bytes  the image
 * @param type   its format (JPEG, PNG or WebP)
 * @param width  its width in pixels
 * @param height its height in pixels
 */
public record ImageInput(byte[] bytes, MediaType type, int width, int height) {

    private static final String ALLOWED = "Allowed: a whole image/jpeg, image/png or image/webp file";

    public ImageInput {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Recognises the image format from the bytes and checks that they hold a whole image of a known size.
     *
     * @param field the request field, for the error message
     * @throws VideoRequestInvalidException when the bytes are not a JPEG, PNG or WebP image, or not a whole one
     */
    public static ImageInput of(byte[] bytes, String field) {
        MediaType type = MediaType.detect(bytes).filter(MediaType::isImage).orElseThrow(() ->
                new VideoRequestInvalidException("Invalid " + field + ": " + bytes.length
                                                 + " bytes that are not a JPEG, PNG or WebP image. Allowed: image/jpeg,"
                                                 + " image/png, image/webp", field));
        try {
            ImageStructure.Dimensions size = ImageStructure.read(bytes, type);
            return new ImageInput(bytes, type, size.width(), size.height());
        } catch (ImageStructure.MalformedImageException e) {
            throw new VideoRequestInvalidException("Invalid " + field + ": " + bytes.length + " bytes that are not"
                                                   + " a whole " + type.name() + " image: " + e.getMessage() + ". "
                                                   + ALLOWED, field);
        }
    }

    /** The pixel size as {@code WIDTHxHEIGHT}. */
    public String size() {
        return width + "x" + height;
    }

    @Override
    public String toString() {
        return "ImageInput[" + type.contentType() + ", " + size() + ", " + bytes.length + " bytes]";
    }
}
