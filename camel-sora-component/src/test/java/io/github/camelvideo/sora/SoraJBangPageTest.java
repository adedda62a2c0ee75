package io.github.camelvideo.sora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Runs the route and the properties of docs/camel-jbang.md under Camel Main, which is what {@code camel run}
 * runs them on: the {@code camel.component.sora.*} properties configure the component, and the route writes the
 * MP4. Only the emulator's URL and the directories are the test's own.
 */
class SoraJBangPageTest {

    private static final Path PAGE = Path.of("..", "docs", "camel-jbang.md");

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    @Test
    void thePagesRouteAndPropertiesGenerateTheVideo() throws Exception {
        String page = Files.readString(PAGE);
        Path videos = work.resolve("videos");
        Path route = work.resolve("route.yaml");
        Files.writeString(route, block(page, "yaml").replace("file:videos", "file:" + videos));
        Properties properties = new Properties();
        properties.load(new StringReader(block(page, "properties")));
        assertThat(properties).containsKeys("camel.component.sora.base-url", "camel.component.sora.api-key");

        main = new Main();
        properties.forEach((key, value) -> main.addInitialProperty((String) key, (String) value));
        main.addInitialProperty("camel.component.sora.base-url", emulator.baseUrl());
        main.addInitialProperty("camel.component.sora.output-directory", work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.sora.poll-initial-delay", "50");
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + route);
        main.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> mp4s(videos).size() == 1);
        assertThat(Mp4Probe.probe(mp4s(videos).get(0)).durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    private static String block(String page, String language) {
        Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```").matcher(page);
        assertThat(block.find()).as("a " + language + " block on the page").isTrue();
        return block.group(1);
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
