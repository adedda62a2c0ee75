package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.nio.file.Path;

import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * The video an operation produces: its frame size and length, and for an extension the length
 * of the source it continues.
 *
 * @param width frame width
 * @param height frame height
 * @param seconds total duration
 * @param sourceSeconds duration of the extended source, or 0 for a new video
 */
record Rendition(int width, int height, int seconds, int sourceSeconds) {

    /** Seconds every Veo extension adds to its source. */
    static final int EXTENSION_SECONDS = 7;

    static Rendition fresh(int width, int height, int seconds) {
        return new Rendition(width, height, seconds, 0);
    }

    static Rendition extension(int width, int height, int sourceSeconds) {
        return new Rendition(width, height, sourceSeconds + EXTENSION_SECONDS, sourceSeconds);
    }

    boolean isExtension() {
        return sourceSeconds > 0;
    }

    /** Starts rendering in the background. */
    void prefetch(MediaLibrary media) {
        media.prefetch(width, height, seconds);
    }

    /**
     * The MP4 file, rendered if needed. This is the one place that decides what an extension
     * looks like: for now a fresh rendering of the stitched total at the source's size.
     */
    Path render(MediaLibrary media) throws IOException {
        return isExtension() ? media.extendedVideo(width, height, sourceSeconds, seconds - sourceSeconds)
                : media.video(width, height, seconds);
    }
}
