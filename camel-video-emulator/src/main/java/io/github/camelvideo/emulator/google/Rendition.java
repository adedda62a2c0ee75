package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.nio.file.Path;

import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * The video an operation produces. This is the one place that decides what an extension
 * looks like: the source video's own content followed by {@value #EXTENSION_SECONDS} newly
 * rendered seconds at the source's size.
 *
 * @param footage what the video shows
 */
record Rendition(Footage footage) {

    /** Seconds every Veo extension adds to its source. */
    static final int EXTENSION_SECONDS = 7;

    static Rendition fresh(int width, int height, int seconds) {
        return new Rendition(Footage.fresh(width, height, seconds));
    }

    /** The extension of {@code source}: an earlier generation's footage or an uploaded MP4. */
    static Rendition extension(Footage source) {
        return new Rendition(source.continued(EXTENSION_SECONDS));
    }

    int width() {
        return footage.width();
    }

    int height() {
        return footage.height();
    }

    /** Total duration in whole seconds; for an extension the source's (rounded) plus the added seconds. */
    int seconds() {
        return footage.seconds();
    }

    /** Starts rendering in the background. */
    void prefetch(MediaLibrary media) {
        media.prefetch(footage);
    }

    /** The MP4 file, produced if needed. */
    Path render(MediaLibrary media) throws IOException {
        return media.video(footage);
    }
}
