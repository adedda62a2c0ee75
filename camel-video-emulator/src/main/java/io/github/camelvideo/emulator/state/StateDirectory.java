package io.github.camelvideo.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.JsonFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's {@code --state-dir}: one sub-folder per kind of record, one JSON file per record,
 * each written to a temporary file and renamed into place, so a crash of the emulator at any moment
 * leaves every record either as it was or as it became. Files are not fsynced: the state survives
 * the emulator process, not a power cut, which is what a development tool needs.
 */
public final class StateDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);
    private static final String SUFFIX = ".json";
    private static final String TEMPORARY = ".tmp";

    private final Path root;

    /**
     * Opens (creating if needed) a state directory.
     *
     * @throws IOException if the directory cannot be created
     */
    public StateDirectory(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    /** The directory itself. */
    public Path root() {
        return root;
    }

    /** A sub-folder of JSON records, created if needed. */
    public JsonFolder folder(String name) throws IOException {
        return new Folder(files(name));
    }

    /**
     * A sub-folder for files other than records (e.g. uploaded MP4s), created if needed, without
     * the temporary files of writes an earlier run did not finish (it was killed meanwhile).
     */
    public Path files(String name) throws IOException {
        Path directory = Files.createDirectories(root.resolve(name));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path unfinished : files.filter(f -> f.getFileName().toString().endsWith(TEMPORARY)).toList()) {
                Files.deleteIfExists(unfinished);
            }
        }
        return directory;
    }

    /** Writes {@code bytes} to {@code target} through a temporary file in the same folder and an atomic rename. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + "." + Thread.currentThread().getId() + TEMPORARY);
        Files.write(temporary, bytes);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static final class Folder implements JsonFolder {
        private final Path directory;

        Folder(Path directory) {
            this.directory = directory;
        }

        @Override
        public void save(String name, JsonNode document) {
            try {
                writeAtomically(directory.resolve(name + SUFFIX), ApiResponse.JSON.writeValueAsBytes(document));
            } catch (IOException e) {
                // The emulator keeps serving; the record is only missing after a restart.
                LOG.warn("Cannot store {} in {}: {}", name, directory, e.toString());
            }
        }

        @Override
        public void remove(String name) {
            try {
                Files.deleteIfExists(directory.resolve(name + SUFFIX));
            } catch (IOException e) {
                LOG.warn("Cannot delete {} in {}: {}", name, directory, e.toString());
            }
        }

        @Override
        public <T> List<T> load(Function<JsonNode, T> decoder) {
            List<T> records = new ArrayList<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                    read(file, decoder, records);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + directory, e);
            }
            return records;
        }

        private static <T> void read(Path file, Function<JsonNode, T> decoder, List<T> records) {
            try {
                records.add(decoder.apply(ApiResponse.JSON.readTree(file.toFile())));
            } catch (NoSuchFileException e) {
                // Deleted since it was listed (a clear running meanwhile).
            } catch (IOException | RuntimeException e) {
                LOG.warn("Skipping unreadable state file {}: {}", file, e.toString());
            }
        }
    }
}
