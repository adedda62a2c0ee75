package io.github.camelvideo.core.download;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/**
 * Checks that downloads can be written to the output directory before a job is paid for: a directory that is a
 * file, or one that cannot be created or written to, would otherwise only be found when the finished video is
 * downloaded. Errors name the {@code outputDirectory} option and the path.
 */
public final class OutputDirectory {

    static final String OPTION = "outputDirectory";
    private static final String ALLOWED = "Allowed: a directory this process can create files in";

    private OutputDirectory() {
    }

    /**
     * The thorough check, when an endpoint starts: creates the directory if it is missing, then creates and removes
     * a file in it, which is the only sure test of writing (permissions alone do not tell, for example, a
     * read-only file system or a process allowed to write everywhere).
     *
     * @throws VideoRequestInvalidException when no file can be written there
     */
    public static void checkWritable(Path directory) {
        ensureDirectory(directory);
        try {
            Files.delete(Files.createTempFile(directory, ".camel-video-", ".probe"));
        } catch (IOException e) {
            throw invalid(directory, "no file can be written there (" + reason(e) + ")");
        }
    }

    /**
     * The quick check before each create: the directory exists (or is created) and is writable by its permissions.
     *
     * @throws VideoRequestInvalidException when it is a file, cannot be created or is not writable
     */
    public static void check(Path directory) {
        ensureDirectory(directory);
        if (!Files.isWritable(directory)) {
            throw invalid(directory, "it is not writable");
        }
    }

    private static void ensureDirectory(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (Files.exists(directory)) {
            throw invalid(directory, "it is a file, not a directory");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw invalid(directory, "it cannot be created (" + reason(e) + ")");
        }
    }

    private static VideoRequestInvalidException invalid(Path directory, String why) {
        return new VideoRequestInvalidException("Invalid " + OPTION + " '" + directory + "': " + why + ". "
                                                + ALLOWED, OPTION);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }
}
