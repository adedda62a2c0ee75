package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone emulator as another process uses it: started with {@code --state-dir}, killed
 * with SIGKILL, started again on the same directory; its jobs and request records are read over
 * HTTP through the admin API.
 */
class StandaloneRestartTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path state;
    @TempDir
    Path work;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void jobsAndRecordsSurviveAKill() throws Exception {
        String first = start();
        TestClient openai = new TestClient(first + "/v1", "sk-standalone-secret");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(openai.create("{\"prompt\":\"job " + i + "\"}").get("id").asText());
        }
        assertThat(new AdminClient(first).requests("method", "POST", "path", "/v1/videos")).hasSize(3);

        Process killed = processes.get(0);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String second = start();
        openai = new TestClient(second + "/v1", "sk-standalone-secret");
        for (String id : ids) {
            assertThat(openai.retrieve(id).get("status").asText()).isEqualTo("completed");
            assertThat(openai.getBytes("/videos/" + id + "/content").statusCode()).isEqualTo(200);
        }
        AdminClient admin = new AdminClient(second);
        JsonNode records = admin.requests();

        assertThat(admin.requests("method", "POST", "path", "/v1/videos")).hasSize(3);
        assertThat(admin.requests("method", "GET", "path", "/v1/videos/[^/]+")).hasSize(3);
        assertThat(records).extracting(r -> r.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                8L, 9L);
        assertThat(records.toString()).doesNotContain("sk-standalone-secret");
        assertThat(admin.jobs()).extracting(j -> j.get("id").asText()).containsExactlyInAnyOrderElementsOf(ids);
    }

    /** Starts the emulator in a child JVM on a free port and returns its root URL. */
    private String start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = work.resolve("emulator-" + processes.size() + ".err");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName(), "--port", "0", "--job-duration", "0", "--state-dir", state.toString())
                .redirectError(errors.toFile()).start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("The emulator did not start: " + Files.readString(errors));
    }
}
