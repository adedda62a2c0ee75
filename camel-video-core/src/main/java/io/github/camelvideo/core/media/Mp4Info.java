package io.github.camelvideo.core.media;

/**
 * What the MP4 probe read from a file's movie header and video track.
 *
 * @param durationSeconds presentation length in seconds
 * @param width           video width in pixels (0 when the file has no video track)
 * @param height          video height in pixels (0 when the file has no video track)
 */
public record Mp4Info(double durationSeconds, int width, int height) {

    /** Width and height as {@code WIDTHxHEIGHT}. */
    public String size() {
        return width + "x" + height;
    }
}
