package io.github.camelvideo.emulator.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.builder.DefaultMp4Builder;

/**
 * Joins two MP4 files into one that plays the first and then the second, copying the encoded
 * video samples as they are (no decoding, no re-encoding). Only video tracks are kept.
 */
final class Mp4Join {

    private Mp4Join() {
    }

    /**
     * Writes {@code first} followed by {@code second} to {@code target} (overwritten).
     *
     * @throws IOException if a file cannot be read or written or has no video track
     */
    static void join(Path first, Path second, Path target) throws IOException {
        try (VideoTrackFile a = VideoTrackFile.open(first);
                VideoTrackFile b = VideoTrackFile.open(second);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            Movie movie = new Movie();
            movie.addTrack(new JoinedTrack(a.track(), b.track()));
            new DefaultMp4Builder().build(movie).writeContainer(out);
        } catch (RuntimeException e) {
            // The muxer reports malformed input with runtime exceptions.
            throw new IOException("Cannot join " + first + " and " + second, e);
        }
    }
}
