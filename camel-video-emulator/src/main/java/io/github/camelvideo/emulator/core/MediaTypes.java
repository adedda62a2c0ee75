package io.github.camelvideo.emulator.core;

/** Recognises media by its bytes rather than by any declared type, as the real services do. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** The media type of image bytes, or null when they are none of JPEG, PNG, WebP. */
    public static String imageType(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G' && d[4] == '\r'
                && d[5] == '\n' && d[6] == 0x1a && d[7] == '\n') {
            return "image/png";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
                && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
