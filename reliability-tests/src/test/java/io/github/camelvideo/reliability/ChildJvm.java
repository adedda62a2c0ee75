package io.github.camelvideo.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Starts a main class of this test class path in a JVM of its own, and kills it with SIGKILL. */
final class ChildJvm implements AutoCloseable {

    private final Process process;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code args}; its output (both streams) is appended to {@code log}. */
    static ChildJvm start(Path log, Class<?> mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath(), mainClass.getName()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildJvm(process);
    }

    /** SIGKILL ({@link Process#destroyForcibly()}): no shutdown hook, no Camel shutdown, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The child JVM " + process.pid() + " did not end after SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** This JVM's class path, with the entries of a manifest-only jar (Surefire's booter) expanded. */
    private static String classPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(Path.of(entry)));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> expand(Path entry) throws IOException {
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return List.of(entry.toAbsolutePath().toString());
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            List<String> entries = new ArrayList<>(List.of(entry.toAbsolutePath().toString()));
            if (listed != null && !listed.isBlank()) {
                for (String url : listed.trim().split("\\s+")) {
                    entries.add(Path.of(entry.toUri().resolve(url)).toString());
                }
            }
            return entries;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
