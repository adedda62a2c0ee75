package io.github.camelvideo.core.storyboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.job.VideoJobRunner;
import io.github.camelvideo.core.media.MediaType;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;

/**
 * The files of one storyboard run: a hidden working directory inside the output directory for scene clips (hidden,
 * so file consumers skip it; inside, so publishing is an atomic rename on the same file system), and the publication
 * of the finished video. Nothing but a complete video ever appears under its final name.
 */
final class StoryboardFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StoryboardFiles.class);

    private final Path outputDirectory;
    private final Path workDirectory;

    private StoryboardFiles(Path outputDirectory, Path workDirectory) {
        this.outputDirectory = outputDirectory;
        this.workDirectory = workDirectory;
    }

    static StoryboardFiles create(Path outputDirectory) {
        try {
            Files.createDirectories(outputDirectory);
            return new StoryboardFiles(outputDirectory,
                    Files.createDirectory(outputDirectory.resolve(".storyboard-" + UUID.randomUUID())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a working directory in " + outputDirectory, e);
        }
    }

    Path workDirectory() {
        return workDirectory;
    }

    Path inWork(String name) {
        return workDirectory.resolve(name);
    }

    /**
     * Probes the finished video and moves it to {@code storyboard-<last job id>.mp4} in the output directory. It is
     * probed first, in the working directory, so that a video that cannot be read is removed with that directory
     * instead of being left in the output directory of a failed exchange.
     */
    DownloadedFile publish(Path video, String lastJobId) throws IOException {
        Path target = outputDirectory.resolve("storyboard-" + VideoJobRunner.fileSafe(lastJobId) + ".mp4");
        Mp4Info info = Mp4Probe.probe(video);
        long size = Files.size(video);
        Files.move(video, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new DownloadedFile(target, size, MediaType.MP4, info);
    }

    /** Deletes the working directory and every clip in it. */
    void delete() {
        if (!Files.exists(workDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(StoryboardFiles::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete the storyboard working directory {}: {}", workDirectory, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", path, e.toString());
        }
    }
}
