package io.github.camelvideo.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Runs a main class in a new JVM, loaded by a child class loader that sees this test's class path while the JVM's
 * system class path holds nothing but {@link IsolatedLauncher}: a library that reads its resources through the system
 * class loader finds nothing there, as under Spring Boot's executable jars or Camel JBang.
 */
public final class IsolatedJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private IsolatedJvm() {
    }

    /** What the run printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs {@code mainClass.main(args)} in the isolated JVM and waits for it to end.
     *
     * @param work a directory for the launcher and the output
     */
    public static Result run(Path work, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Path launcher = copyLauncher(work.resolve("launcher"));
        Path classPath = Files.write(work.resolve("class-path.txt"), testClassPath());
        Path output = work.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(java(), "-cp", launcher.toString(),
                IsolatedLauncher.class.getName(), classPath.toString(), mainClass.getName()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The isolated JVM did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** This JVM's class path, with the entries of a manifest-only jar (Surefire's booter) expanded. */
    static List<String> testClassPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.addAll(expand(Path.of(entry)));
        }
        return List.copyOf(entries);
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

    private static Path copyLauncher(Path dir) throws IOException {
        String name = IsolatedLauncher.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = IsolatedLauncher.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return dir;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
