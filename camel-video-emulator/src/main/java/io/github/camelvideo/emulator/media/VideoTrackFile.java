package io.github.camelvideo.emulator.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mp4parser.IsoFile;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.muxer.FileRandomAccessSourceImpl;
import org.mp4parser.muxer.Mp4TrackImpl;
import org.mp4parser.muxer.Track;

/**
 * The video track of an MP4 file, open for reading its samples until {@link #close()}.
 *
 * <p>Only the boxes describing the movie are parsed; the samples are read from the file when
 * they are written elsewhere, so memory does not grow with the file.
 */
final class VideoTrackFile implements AutoCloseable {

    private final FileChannel boxes;
    private final FileRandomAccessSourceImpl samples;
    private final Track track;

    private VideoTrackFile(FileChannel boxes, FileRandomAccessSourceImpl samples, Track track) {
        this.boxes = boxes;
        this.samples = samples;
        this.track = track;
    }

    /**
     * Opens the first video track of {@code file}.
     *
     * @throws IOException if the file cannot be read or has no video track
     */
    static VideoTrackFile open(Path file) throws IOException {
        FileChannel boxes = FileChannel.open(file, StandardOpenOption.READ);
        FileRandomAccessSourceImpl samples = null;
        try {
            requireBoxes(boxes, file);
            // Skipping mdat keeps the parser from copying the media data into a temporary file.
            IsoFile iso = new IsoFile(boxes, new PropertyBoxParserImpl().skippingBoxes("mdat"));
            samples = new FileRandomAccessSourceImpl(new RandomAccessFile(file.toFile(), "r"));
            return new VideoTrackFile(boxes, samples, new Mp4TrackImpl(videoTrackId(iso, file), iso, samples,
                    file.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            boxes.close();
            if (samples != null) {
                samples.close();
            }
            throw e instanceof IOException io ? io : new IOException("Cannot read the MP4 " + file, e);
        }
    }

    /**
     * Checks that the file is a sequence of boxes that fit in it, so the parser never sizes a
     * buffer from bytes that are no box header.
     */
    private static void requireBoxes(FileChannel channel, Path file) throws IOException {
        long end = channel.size();
        ByteBuffer header = ByteBuffer.allocate(16);
        long position = 0;
        while (position < end) {
            header.clear();
            channel.read(header, position);
            header.flip();
            long size = header.remaining() >= 8 ? header.getInt() & 0xffffffffL : -1;
            if (size == 1 && header.remaining() >= 12) {
                header.position(8);
                size = header.getLong(); // a 64-bit size follows the type
            } else if (size == 0) {
                size = end - position; // the box runs to the end of the file
            }
            if (size < 8 || size > end - position) {
                throw new IOException("Not an MP4 (no valid box at byte " + position + "): " + file);
            }
            position += size;
        }
        channel.position(0);
    }

    private static long videoTrackId(IsoFile iso, Path file) throws IOException {
        MovieBox movie = iso.getMovieBox();
        if (movie != null) {
            for (TrackBox trak : movie.getBoxes(TrackBox.class)) {
                if ("vide".equals(trak.getMediaBox().getHandlerBox().getHandlerType())) {
                    return trak.getTrackHeaderBox().getTrackId();
                }
            }
        }
        throw new IOException("No video track in " + file);
    }

    /** The video track; valid until {@link #close()}. */
    Track track() {
        return track;
    }

    @Override
    public void close() throws IOException {
        try (FileChannel b = boxes; FileRandomAccessSourceImpl s = samples) {
            track.close();
        }
    }
}
