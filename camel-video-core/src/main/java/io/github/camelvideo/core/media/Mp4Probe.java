package io.github.camelvideo.core.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;

/**
 * Reads duration and picture size from an MP4 file with mp4parser. The media data box is skipped, not read, so
 * probing costs the same for a 1 MB and a 4 GB file.
 */
public final class Mp4Probe {

    private Mp4Probe() {
    }

    /**
     * Probes the file.
     *
     * @throws IOException when the file cannot be read or is not an MP4 with a movie header
     */
    public static Mp4Info probe(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             IsoFile iso = new IsoFile(channel, BoxParsers.skippingMediaData())) {
            MovieBox movie = iso.getMovieBox();
            if (movie == null || movie.getMovieHeaderBox() == null) {
                throw new IOException("Not an MP4 file (no movie header): " + file.getFileName());
            }
            MovieHeaderBox header = movie.getMovieHeaderBox();
            double duration = header.getTimescale() == 0 ? 0 : (double) header.getDuration() / header.getTimescale();
            for (TrackBox track : movie.getBoxes(TrackBox.class)) {
                if (isVideo(track)) {
                    return new Mp4Info(duration, (int) Math.round(track.getTrackHeaderBox().getWidth()),
                            (int) Math.round(track.getTrackHeaderBox().getHeight()));
                }
            }
            return new Mp4Info(duration, 0, 0);
        } catch (RuntimeException e) {
            // mp4parser reports malformed input with unchecked exceptions
            throw new IOException("Not a readable MP4 file: " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isVideo(TrackBox track) {
        if (track.getMediaBox() != null && track.getMediaBox().getHandlerBox() != null) {
            return "vide".equals(track.getMediaBox().getHandlerBox().getHandlerType());
        }
        return track.getTrackHeaderBox() != null && track.getTrackHeaderBox().getWidth() > 0;
    }
}
