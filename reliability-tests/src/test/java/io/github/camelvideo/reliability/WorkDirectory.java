package io.github.camelvideo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The folders of a {@link VideoApplication} seen from the test: jobs put into {@code inbox/}, results read from
 * {@code delivered/}, reports from {@code in-doubt/} and {@code failed/}, the job records read from the file store
 * (as JSON, without opening a store, so the running application's writes are never touched).
 */
final class WorkDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    WorkDirectory(Path root) {
        this.root = root;
    }

    /** A fresh directory under {@code target/}, kept after the test so its logs can be read. */
    static WorkDirectory fresh(String name) {
        Path root = Path.of("target", name).toAbsolutePath();
        try {
            if (Files.exists(root)) {
                try (Stream<Path> paths = Files.walk(root)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(root.resolve("inbox"));
            Files.createDirectories(root.resolve("holds"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkDirectory(root);
    }

    Path root() {
        return root;
    }

    /** A directory for another application inside this one. */
    WorkDirectory child(String name) {
        try {
            Files.createDirectories(root.resolve(name).resolve("inbox"));
            Files.createDirectories(root.resolve(name).resolve("holds"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorkDirectory(root.resolve(name));
    }

    /** The prompt of the job under {@code key}: unique, so the provider's list tells which key a video is for. */
    static String prompt(String key) {
        return "Reliability test job " + key;
    }

    /** The key of a video made from {@link #prompt(String)}. */
    static String keyOf(String prompt) {
        return prompt.substring("Reliability test job ".length());
    }

    /** Puts a job into the inbox, whole: written under a hidden name, then renamed. */
    void submit(String key) {
        Path hidden = root.resolve("inbox").resolve("." + key + ".tmp");
        try {
            Files.writeString(hidden, prompt(key), StandardCharsets.UTF_8);
            Files.move(hidden, root.resolve("inbox").resolve(key + ".txt"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jobs still in the inbox (not yet completed by the application). */
    List<String> inbox() {
        return names("inbox", ".txt");
    }

    /** The delivered results, by key (several files for a key delivered more than once). */
    Map<String, List<Path>> delivered() {
        return byKey("delivered", ".mp4");
    }

    Map<String, List<Path>> inDoubt() {
        return byKey("in-doubt", ".txt");
    }

    Map<String, List<Path>> failed() {
        return byKey("failed", ".txt");
    }

    /** The job records of the file store, by key (unreadable ones skipped). */
    Map<String, JsonNode> records() {
        Map<String, JsonNode> records = new HashMap<>();
        for (Path file : files(root.resolve("out").resolve(".camel-video-jobs"), ".json")) {
            try {
                JsonNode record = JSON.readTree(file.toFile());
                records.put(record.get("key").asText(), record);
            } catch (IOException | RuntimeException e) {
                // being replaced right now, or torn: read again later
            }
        }
        return records;
    }

    /** Whether the marker of a checkpoint passed since the markers were cleared. */
    boolean passed(String checkpoint) {
        return !names("checkpoints", "").stream().filter(n -> n.startsWith(checkpoint + "-")).toList().isEmpty();
    }

    void clearCheckpoints() {
        files(root.resolve("checkpoints"), "").forEach(WorkDirectory::delete);
    }

    void hold(String checkpoint) {
        try {
            Files.writeString(root.resolve("holds").resolve(checkpoint), "held");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void releaseHolds() {
        files(root.resolve("holds"), "").forEach(WorkDirectory::delete);
    }

    private Map<String, List<Path>> byKey(String folder, String suffix) {
        Map<String, List<Path>> byKey = new HashMap<>();
        for (Path file : files(root.resolve(folder), suffix)) {
            String name = file.getFileName().toString();
            byKey.computeIfAbsent(name.substring(0, name.indexOf('~')), k -> new ArrayList<>()).add(file);
        }
        return byKey;
    }

    private List<String> names(String folder, String suffix) {
        return files(root.resolve(folder), suffix).stream().map(p -> p.getFileName().toString()).toList();
    }

    /** The visible regular files of a folder ending with {@code suffix}. */
    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
