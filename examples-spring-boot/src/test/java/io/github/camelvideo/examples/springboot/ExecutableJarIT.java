package io.github.camelvideo.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Runs the executable jar as a user would, {@code java -jar camel-video-examples-spring-boot.jar --camel.component.sora.base-url=...},
 * against an emulator, and checks the MP4 its route writes. The process is killed whatever happens.
 */
class ExecutableJarIT {

    private static final String API_KEY = "sk-example-0123456789abcdefghij";
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Process process;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(500)).apiKey(API_KEY).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        emulator.close();
    }

    @Test
    void theJarGeneratesTheVideoWithTheConfiguredComponentAndExits() throws Exception {
        Path downloads = Files.createDirectory(work.resolve("downloads"));
        Path videos = work.resolve("videos");
        Path log = work.resolve("app.log");

        process = start(log,
                "--camel.component.sora.base-url=" + emulator.baseUrl(),
                "--camel.component.sora.api-key=" + API_KEY,
                "--camel.component.sora.output-directory=" + downloads,
                "--camel.component.sora.poll-initial-delay=100",
                "--camel.component.sora.poll-max-interval=300",
                "--video.output-directory=" + videos);

        boolean exited = process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        String output = Files.readString(log);
        assertThat(exited).as("the application stops after its one video; output:%n%s", output).isTrue();
        assertThat(output).as("the route logs the file name, never the key").contains("Wrote ")
                .doesNotContain(API_KEY);

        List<Path> written = mp4s(videos);
        assertThat(written).as("videos written; output:%n%s", output).hasSize(1);
        Mp4Info info = Mp4Probe.probe(written.get(0));
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(emulator.requests("POST", "/v1/videos")).singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY));
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void withoutAKeyTheJarStopsAtStartNamingTheVariableAndSendsNothing() throws Exception {
        Path log = work.resolve("app.log");

        process = start(log, "--camel.component.sora.base-url=" + emulator.baseUrl(),
                "--video.output-directory=" + work.resolve("videos"));

        boolean exited = process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        String output = Files.readString(log);
        assertThat(exited).as("output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("output:%n%s", output).isNotZero();
        assertThat(output).contains("camel.component.sora.api-key", "OPENAI_API_KEY");
        assertThat(emulator.requests()).as("no request without a key").isEmpty();
    }

    private static Process start(Path log, String... arguments) throws IOException {
        Path jar = Path.of(System.getProperty("example.jar", "target/camel-video-examples-spring-boot.jar"));
        assertThat(jar).as("the executable jar (built by package)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // never reach a real, billed provider from a test run
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("GEMINI_"));
        return builder.start();
    }

    private static List<Path> mp4s(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".mp4")).toList();
        }
    }
}
