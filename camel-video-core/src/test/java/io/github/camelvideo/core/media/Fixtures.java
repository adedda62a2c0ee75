package io.github.camelvideo.core.media;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The clips made with real encoders, described in the README beside them. */
final class Fixtures {

    static final String TESTSRC = "testsrc-high.mp4";
    static final String SMPTEBARS = "smptebars-high.mp4";
    static final String MAIN_30FPS = "main-30fps.mp4";
    static final String VERTICAL = "vertical-9x16.mp4";
    static final String SILENT = "silent.mp4";
    static final String HEVC = "hevc.mp4";

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** FFmpeg's decoding of the clip's last frame. */
    static String lastFrameOf(String name) {
        return name.replace(".mp4", ".last.png");
    }
}
