package io.github.camelvideo.core.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The media formats the components read and write, recognised by their leading bytes rather than by a file name or
 * a declared content type.
 */
public enum MediaType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    MP4("video/mp4", "mp4");

    private final String contentType;
    private final String extension;

    MediaType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != MP4;
    }

    /** Recognises the format from at least the first 12 bytes of the content. */
    public static Optional<MediaType> detect(byte[] head) {
        if (head == null || head.length < 12) {
            return Optional.empty();
        }
        if ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, "RIFF".getBytes()) && startsWith(head, 8, "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 4, "ftyp".getBytes())) {
            return Optional.of(MP4);
        }
        return Optional.empty();
    }

    /** The format for a content type, ignoring parameters such as {@code ; charset}. */
    public static Optional<MediaType> forContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase();
        return Arrays.stream(values()).filter(t -> t.contentType.equals(bare)).findFirst();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
