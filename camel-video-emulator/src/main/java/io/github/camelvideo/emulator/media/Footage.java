package io.github.camelvideo.emulator.media;

/**
 * What a served MP4 shows: a fresh rendering, an MP4 a client sent, or an earlier video
 * followed by newly rendered seconds. A value: equal footage is the same file, which the
 * {@link MediaLibrary} produces once and names by {@link #key()}.
 */
public sealed interface Footage permits Footage.Fresh, Footage.Uploaded, Footage.Continued {

    /** Frame width in pixels. */
    int width();

    /** Frame height in pixels. */
    int height();

    /** Duration in whole seconds (for an upload, its length rounded). */
    int seconds();

    /** A name unique to this footage, usable as a file name. */
    String key();

    /** A fresh rendering of {@code seconds} seconds. */
    static Footage fresh(int width, int height, int seconds) {
        return new Fresh(width, height, seconds);
    }

    /** This footage followed by {@code addedSeconds} newly rendered seconds at the same size. */
    default Footage continued(int addedSeconds) {
        return new Continued(this, addedSeconds);
    }

    /**
     * A fresh rendering.
     *
     * @param width frame width
     * @param height frame height
     * @param seconds duration
     */
    record Fresh(int width, int height, int seconds) implements Footage {
        @Override
        public String key() {
            return "video_" + width + "x" + height + "_" + seconds;
        }
    }

    /**
     * An MP4 a client sent, stored by {@link MediaLibrary#upload}.
     *
     * @param digest SHA-256 of the bytes, in hex
     * @param width frame width of its video track
     * @param height frame height of its video track
     * @param seconds its duration, rounded to whole seconds
     */
    record Uploaded(String digest, int width, int height, int seconds) implements Footage {
        @Override
        public String key() {
            return "upload_" + digest;
        }
    }

    /**
     * An earlier video followed by new seconds: the earlier video's own file, then a clip whose
     * frames carry on from where it ends.
     *
     * @param source the video continued
     * @param addedSeconds seconds added, at least 1
     */
    record Continued(Footage source, int addedSeconds) implements Footage {

        /** Checks the added length. */
        public Continued {
            if (addedSeconds < 1) {
                throw new IllegalArgumentException("addedSeconds must be at least 1, got " + addedSeconds);
            }
        }

        @Override
        public int width() {
            return source.width();
        }

        @Override
        public int height() {
            return source.height();
        }

        @Override
        public int seconds() {
            return source.seconds() + addedSeconds;
        }

        @Override
        public String key() {
            return source.key() + "_plus" + addedSeconds;
        }
    }
}
