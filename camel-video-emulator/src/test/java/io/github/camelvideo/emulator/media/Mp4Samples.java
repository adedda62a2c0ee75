package io.github.camelvideo.emulator.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Sample;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.container.mp4.MovieCreator;

/**
 * The encoded frames of an MP4's video track, read with mp4parser, to compare videos sample by
 * sample: equal digests are byte-identical frames.
 *
 * @param digests SHA-256 of each sample's bytes, in decoding order
 * @param durations each sample's duration in {@code timescale} units
 * @param timescale units per second of the track
 * @param descriptions number of sample descriptions (codec set-ups) in the track
 */
public record Mp4Samples(List<String> digests, List<Long> durations, long timescale, int descriptions) {

    /** Reads the first video track of a file. */
    public static Mp4Samples of(Path file) throws IOException {
        Movie movie = MovieCreator.build(file.toString());
        Track track = movie.getTracks().stream().filter(t -> t.getHandler().equals("vide")).findFirst()
                .orElseThrow(() -> new IOException("No video track in " + file));
        try {
            List<String> digests = new ArrayList<>();
            for (Sample sample : track.getSamples()) {
                digests.add(digest(sample.asByteBuffer()));
            }
            List<Long> durations = new ArrayList<>();
            for (long duration : track.getSampleDurations()) {
                durations.add(duration);
            }
            return new Mp4Samples(digests, durations, track.getTrackMetaData().getTimescale(),
                    track.getSampleEntries().size());
        } finally {
            for (Track t : movie.getTracks()) {
                t.close();
            }
        }
    }

    /** Reads the first video track of MP4 bytes, written to a file in {@code dir} first. */
    public static Mp4Samples of(byte[] mp4, Path dir) {
        try {
            return of(Files.write(Files.createTempFile(dir, "samples", ".mp4"), mp4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of samples (frames). */
    public int count() {
        return digests.size();
    }

    /** The digests of samples {@code from} (inclusive) to {@code to} (exclusive). */
    public List<String> digests(int from, int to) {
        return digests.subList(from, to);
    }

    /** Total duration in seconds. */
    public double durationSeconds() {
        return durations.stream().mapToLong(Long::longValue).sum() / (double) timescale;
    }

    private static String digest(ByteBuffer data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data.duplicate());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
