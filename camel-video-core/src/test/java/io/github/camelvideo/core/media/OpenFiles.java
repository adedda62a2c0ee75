package io.github.camelvideo.core.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files this process holds open, where the system lists them ({@code /proc/self/fd} on Linux). */
final class OpenFiles {

    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    static boolean listed() {
        return Files.isDirectory(DESCRIPTORS);
    }

    /** The open files under {@code directory}. */
    static List<Path> under(Path directory) throws IOException {
        Path real = directory.toRealPath();
        try (Stream<Path> descriptors = Files.list(DESCRIPTORS)) {
            return descriptors.map(OpenFiles::target).filter(path -> path != null && path.startsWith(real)).toList();
        }
    }

    private static Path target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor);
        } catch (IOException | UnsupportedOperationException e) {
            // closed since it was listed, or not a link
            return null;
        }
    }
}
