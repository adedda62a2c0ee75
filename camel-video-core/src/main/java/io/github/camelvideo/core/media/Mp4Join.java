package io.github.camelvideo.core.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mp4parser.Container;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins MP4 clips end to end into one MP4 without re-encoding (mp4parser), for instance the scenes of a story.
 */
public final class Mp4Join {

    private static final Logger LOG = LoggerFactory.getLogger(Mp4Join.class);

    private Mp4Join() {
    }

    /**
     * Joins the clips, in order, into {@code target} (replaced if it exists).
     *
     * <p>The result has the first video track of every clip, and the first audio track of every clip when every
     * clip has one; when only some have, the result has no sound and a warning is logged. Each clip plays for the
     * length of its video, and its sound starts with its pictures. The samples are copied, never re-encoded, so all
     * clips' video must have the codec and picture size of the first clip's (the audio: its codec, sample rate and
     * channels); H.264 parameter sets may differ. Samples are streamed from the clips to the target: memory use
     * does not depend on the clips' size. The target appears only when complete.
     *
     * @param clips  the clips, at least one
     * @param target the file to write
     * @throws IllegalArgumentException when {@code clips} is empty
     * @throws IOException              when a clip cannot be read, has no video track, or cannot be joined to the
     *                                  first without re-encoding (the message names the clip and why), or when the
     *                                  target cannot be written
     */
    public static void join(List<Path> clips, Path target) throws IOException {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("No clips to join");
        }
        Path partial = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            write(clips, partial);
            moveIntoPlace(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void write(List<Path> clips, Path file) throws IOException {
        // the clips stay open until the samples are written: the builder reads them only then
        try (OpenClips opened = new OpenClips()) {
            for (Path clip : clips) {
                opened.add(Mp4File.open(clip));
            }
            Container container = new JoinedMp4Builder().build(movie(opened.files));
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                container.writeContainer(out);
            }
        }
    }

    private static Movie movie(List<Mp4File> clips) throws IOException {
        List<String> names = clips.stream().map(Mp4File::name).toList();
        List<Track> videos = new ArrayList<>();
        List<Track> audios = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (Mp4File clip : clips) {
            videos.add(clip.firstTrack(Mp4File.VIDEO)
                    .orElseThrow(() -> new IOException("Cannot join " + clip.name() + ": it has no video track")));
            clip.firstTrack(Mp4File.AUDIO).ifPresentOrElse(audios::add, () -> silent.add(clip.name()));
        }
        JoinCompatibility.checkVideo(names, videos);
        JoinedTrack video = new JoinedTrack(videos, VideoTimeline.of(videos));
        Movie movie = new Movie();
        movie.addTrack(video);
        audio(names, audios, silent, video.timeline()).ifPresent(movie::addTrack);
        return movie;
    }

    private static Optional<Track> audio(List<String> names, List<Track> audios, List<String> silent, Timeline video)
            throws IOException {
        if (audios.isEmpty()) {
            return Optional.empty();
        }
        if (!silent.isEmpty()) {
            LOG.warn("Joining {} clips without sound: no audio track in {}", names.size(), String.join(", ", silent));
            return Optional.empty();
        }
        JoinCompatibility.checkAudio(names, audios);
        AudioTimeline.Joined joined = AudioTimeline.of(audios, video);
        return Optional.of(new JoinedTrack(joined.parts(), joined.timeline()));
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The clips opened so far, closed together. */
    private static final class OpenClips implements Closeable {

        private final List<Mp4File> files = new ArrayList<>();

        void add(Mp4File file) {
            files.add(file);
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (Mp4File file : files) {
                try {
                    file.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
