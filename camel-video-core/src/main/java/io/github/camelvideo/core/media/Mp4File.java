package io.github.camelvideo.core.media;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

import org.mp4parser.BoxParser;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.muxer.FileRandomAccessSourceImpl;
import org.mp4parser.muxer.Mp4TrackImpl;
import org.mp4parser.muxer.RandomAccessSource;
import org.mp4parser.muxer.Track;

/**
 * An MP4 file opened for reading its tracks' samples. Only the movie header is parsed into memory; samples are read
 * from the file when they are used, so opening a large file costs no more than opening a small one. The tracks stay
 * readable until the file is closed.
 */
final class Mp4File implements Closeable {

    static final String VIDEO = "vide";
    static final String AUDIO = "soun";

    private static final int HEAD_SIZE = 12;

    private final Path path;
    private final FileChannel channel;
    private final IsoFile iso;
    private final RandomAccessSource samples;

    private Mp4File(Path path, FileChannel channel, IsoFile iso, RandomAccessSource samples) {
        this.path = path;
        this.channel = channel;
        this.iso = iso;
        this.samples = samples;
    }

    /**
     * Opens and parses the file.
     *
     * @throws IOException when the file cannot be read or is not an MP4 with a movie header
     */
    static Mp4File open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            requireMp4(path, channel);
            IsoFile iso = parse(path, channel);
            return new Mp4File(path, channel, iso, new FileRandomAccessSourceImpl(new RandomAccessFile(path.toFile(), "r")));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static IsoFile parse(Path path, FileChannel channel) throws IOException {
        BoxParser parser = BoxParsers.skippingMediaData();
        IsoFile iso;
        try {
            iso = new IsoFile(channel, parser);
        } catch (IOException | RuntimeException e) {
            throw unreadable(path, e);
        }
        if (iso.getMovieBox() == null || iso.getMovieBox().getMovieHeaderBox() == null) {
            throw new IOException("Not an MP4 file (no movie header): " + path.getFileName());
        }
        return iso;
    }

    /**
     * Refuses other content before mp4parser reads it: it takes the first four bytes of any file for a box size and
     * would try to read that much, 2 GB for the text of an error response saved as a video.
     */
    private static void requireMp4(Path path, FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(HEAD_SIZE);
        while (head.hasRemaining() && channel.read(head) >= 0) {
            // read until the head is full or the file ends
        }
        if (MediaType.detect(Arrays.copyOf(head.array(), head.position())).filter(MediaType.MP4::equals).isEmpty()) {
            throw new IOException("Not an MP4 file: " + path.getFileName());
        }
        channel.position(0);
    }

    /** The file name, for messages. */
    String name() {
        return path.getFileName().toString();
    }

    /**
     * The first track of a kind.
     *
     * @param handler {@link #VIDEO} or {@link #AUDIO}
     * @return the track, empty when the file has none or its track has no samples
     * @throws IOException when the track's sample tables cannot be read
     */
    Optional<Track> firstTrack(String handler) throws IOException {
        MovieBox movie = iso.getMovieBox();
        for (TrackBox box : movie.getBoxes(TrackBox.class)) {
            if (box.getMediaBox() != null && box.getMediaBox().getHandlerBox() != null
                && handler.equals(box.getMediaBox().getHandlerBox().getHandlerType())) {
                return Optional.of(track(box)).filter(track -> !track.getSamples().isEmpty());
            }
        }
        return Optional.empty();
    }

    private Track track(TrackBox box) throws IOException {
        long id = box.getTrackHeaderBox().getTrackId();
        try {
            return new Mp4TrackImpl(id, iso, samples, name() + "[" + id + "]");
        } catch (RuntimeException e) {
            throw unreadable(path, e);
        }
    }

    @Override
    public void close() throws IOException {
        try (channel; samples) {
            iso.close();
        }
    }

    private static IOException unreadable(Path path, Exception e) {
        // mp4parser reports malformed input with unchecked exceptions, and truncated input without the file name
        return new IOException("Not a readable MP4 file: " + path.getFileName() + ": " + e.getMessage(), e);
    }
}
