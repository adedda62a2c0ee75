package io.github.camelvideo.kamelets;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.job.JdbcJobStore;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.testing.PostgresServer;
import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Runs the YAML integration and properties of docs/camel-k.md under Camel Main, what {@code camel run} runs them on,
 * with the Kamelets from this module's {@code kamelets/}: alone, and with the page's beans that put the job store on
 * PostgreSQL. Only the emulator's URL, the key and the directories are the test's own.
 */
class CamelKPageTest {

    private static final Path PAGE = Path.of("..", "docs", "camel-k.md");
    private static final String KEY = "sk-camel-k-0123456789abcdefghij";

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).apiKey(KEY).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    @Test
    void thePagesIntegrationGeneratesTheVideoThroughTheKamelet() throws Exception {
        Path videos = work.resolve("videos");
        start(List.of(integration(videos)), new Properties());

        await().atMost(Duration.ofSeconds(60)).until(() -> mp4s(videos).size() == 1);
        assertThat(Mp4Probe.probe(mp4s(videos).get(0)).durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void thePagesBeansPutTheJobStoreOnPostgres() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase();
        Path beans = Files.writeString(work.resolve("beans.yaml"), block("yaml", "- beans:"));
        Properties db = new Properties();
        db.setProperty("video.db.url", postgres.jdbcUrl(database));
        db.setProperty("video.db.user", "postgres");
        db.setProperty("video.db.password", "");
        db.setProperty("camel.component.sora.job-store", "#bean:videoJobs");
        Path videos = work.resolve("videos");
        start(List.of(beans, integration(videos)), db);

        await().atMost(Duration.ofSeconds(60)).until(() -> mp4s(videos).size() == 1);
        assertThat(main.getCamelContext().getRegistry().lookupByName("videoJobs")).isInstanceOf(JdbcJobStore.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobRows(postgres.dataSource(database)) == 1);
    }

    private void start(List<Path> routes, Properties extra) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(block("properties", "camel.kamelet.")));
        assertThat(properties).containsKeys("camel.kamelet.sora-text-to-video-action.baseUrl",
                "camel.kamelet.sora-text-to-video-action.apiKey");
        main = new Main();
        properties.forEach((key, value) -> main.addInitialProperty((String) key, (String) value));
        extra.forEach((key, value) -> main.addInitialProperty((String) key, (String) value));
        main.addInitialProperty("camel.kamelet.sora-text-to-video-action.baseUrl", emulator.baseUrl());
        main.addInitialProperty("camel.kamelet.sora-text-to-video-action.apiKey", KEY);
        main.addInitialProperty("camel.kamelet.sora-text-to-video-action.outputDirectory",
                work.resolve("downloads").toString());
        main.addInitialProperty("camel.component.sora.poll-initial-delay", "50");
        main.addInitialProperty("camel.main.routes-include-pattern",
                String.join(",", routes.stream().map(r -> "file:" + r).toList()));
        main.start();
    }

    private Path integration(Path videos) throws IOException {
        String route = block("yaml", "id: generate-video");
        assertThat(route).contains("name: sora-text-to-video-action").contains("uri: file:videos");
        return Files.writeString(work.resolve("integration.yaml"), route.replace("file:videos", "file:" + videos));
    }

    /** The page's first block of the language that contains the text, without its fences or indentation. */
    private static String block(String language, String containing) throws IOException {
        Matcher block = Pattern.compile("(?s)( *)```" + language + "\n(.*?)```").matcher(Files.readString(PAGE));
        while (block.find()) {
            if (block.group(2).contains(containing)) {
                return block.group(2).replaceAll("(?m)^" + block.group(1), "");
            }
        }
        throw new AssertionError("no " + language + " block with '" + containing + "' on " + PAGE);
    }

    private static List<Path> mp4s(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".mp4")).toList();
        }
    }

    private static int jobRows(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM camel_video_jobs WHERE state = 'DELIVERED'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
