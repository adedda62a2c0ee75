package io.github.camelvideo.core.storyboard;

/** How the scenes of a storyboard become one video. */
public enum StoryboardMode {

    /** The extension chain where the server has one; otherwise {@link #stitch}. */
    auto,

    /**
     * The first scene is generated, and each next scene extends the video so far: the provider keeps characters and
     * motion continuous, and its last result is the whole storyboard.
     */
    extend,

    /**
     * Each scene is generated on its own, starting from the previous scene's last frame, and the clips are joined
     * into one MP4 without re-encoding.
     */
    stitch
}
