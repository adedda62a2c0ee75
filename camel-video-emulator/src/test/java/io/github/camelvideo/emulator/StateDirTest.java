package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.base64;
import static io.github.camelvideo.emulator.GoogleTestClient.probe;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import io.github.camelvideo.emulator.media.Mp4Renderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stateDir}: jobs and request records survive the emulator's own restart. */
class StateDirTest {

    private static final Duration JOB = Duration.ofSeconds(20);
    private static final String VEO_BODY = "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    @TempDir
    Path state;
    @TempDir
    Path work;
    private VideoEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private VideoEmulator restart() throws IOException {
        if (emulator != null) {
            emulator.close();
        }
        emulator = VideoEmulator.builder().clock(clock).jobDuration(JOB).stateDir(state).start();
        return emulator;
    }

    @Test
    void anOpenAiVideoCreatedBeforeARestartCompletesAndDownloadsAfterIt() throws Exception {
        String id = new TestClient(restart()).create("{\"prompt\":\"kept\",\"seconds\":\"4\"}").get("id").asText();
        clock.advance(Duration.ofSeconds(10));
        JsonNode before = new TestClient(emulator).retrieve(id);

        TestClient client = new TestClient(restart());
        JsonNode after = client.retrieve(id);
        clock.advance(Duration.ofSeconds(10));
        JsonNode done = client.retrieve(id);
        HttpResponse<byte[]> content = client.getBytes("/videos/" + id + "/content");

        assertThat(before.get("status").asText()).isEqualTo("in_progress");
        assertThat(after.get("status").asText()).isEqualTo("in_progress");
        assertThat(after.get("progress").asInt()).isEqualTo(before.get("progress").asInt()).isEqualTo(50);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("prompt").asText()).isEqualTo("kept");
        assertThat(done.get("created_at").asLong()).isEqualTo(before.get("created_at").asLong());
        assertThat(content.statusCode()).isEqualTo(200);
        Mp4Probe probe = probe(content.body(), work);
        assertThat(probe.durationSeconds()).isEqualTo(4.0);
        assertThat(emulator.jobCount()).isEqualTo(1);
        assertThat(emulator.jobs().get(0).requestDigest()).startsWith("sha256:");
    }

    @Test
    void theRequestLogHoldsBothRunsAndKeepsCounting() throws Exception {
        String id = new TestClient(restart()).create("{\"prompt\":\"p\"}").get("id").asText();
        new TestClient(emulator).retrieve(id);

        TestClient client = new TestClient(restart());
        client.retrieve(id);
        JsonNode records = new AdminClient(emulator.rootUrl()).requests();

        assertThat(emulator.requests()).extracting(RecordedRequest::toString).containsExactly(
                "POST /v1/videos -> 200", "GET /v1/videos/" + id + " -> 200", "GET /v1/videos/" + id + " -> 200");
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        RecordedRequest create = emulator.requests().get(0);
        assertThat(create.bodyAsString()).isEqualTo("{\"prompt\":\"p\"}");
        assertThat(create.header("content-type")).isEqualTo("application/json");
        assertThat(create.header("authorization")).isEqualTo("[redacted]");
        assertThat(records).extracting(r -> r.get("sequence").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(stateFilesContaining("sk-test-key-0123456789")).isEmpty();
    }

    @Test
    void clearedRecordsStayClearedAndNumberingNeverGoesBack() throws Exception {
        new TestClient(restart()).get("/videos");
        new TestClient(emulator).get("/videos");
        emulator.clearRequests();

        new TestClient(restart()).get("/videos");
        JsonNode records = new AdminClient(emulator.rootUrl()).requests();

        assertThat(emulator.requests()).hasSize(1);
        assertThat(records).extracting(r -> r.get("sequence").asLong()).containsExactly(3L);
    }

    @Test
    void veoOperationsOfBothSurfacesCompleteAfterARestart() throws Exception {
        GoogleTestClient google = new GoogleTestClient(restart());
        String gemini = google.geminiStart(VEO_BODY);
        String vertex = google.vertexStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4,"
                + "\"storageUri\":\"gs://out/renders\"}}");
        clock.advance(Duration.ofSeconds(5));

        google = new GoogleTestClient(restart());
        boolean runningAfterRestart = !TestClient.json(google.geminiPoll(gemini)).has("done");
        clock.advance(Duration.ofSeconds(15));
        byte[] video = google.geminiDownload(google.geminiVideoUri(gemini));
        JsonNode vertexDone = TestClient.json(google.vertexFetch(GoogleTestClient.VERTEX_MODEL, vertex));
        String operationId = vertex.substring(vertex.lastIndexOf('/') + 1);

        assertThat(runningAfterRestart).isTrue();
        assertThat(probe(video, work).durationSeconds()).isEqualTo(4.0);
        assertThat(vertexDone.get("done").asBoolean()).as(vertexDone.toString()).isTrue();
        assertThat(emulator.storageObject("out", "renders/" + operationId + "/sample_0.mp4")).isPresent();
        assertThat(emulator.jobs()).extracting(j -> j.surface() + " " + j.state())
                .containsExactlyInAnyOrder("gemini succeeded", "vertex succeeded");
    }

    @Test
    void anExtensionOfAnUploadedVideoIsServedAfterARestart() throws Exception {
        Path mp4 = work.resolve("source.mp4");
        Mp4Renderer.render(mp4, 1280, 720, 4);
        String body = "{\"instances\":[{\"prompt\":\"more\",\"video\":{\"encodedVideo\":\""
                + base64(Files.readAllBytes(mp4)) + "\",\"encoding\":\"video/mp4\"}}],\"parameters\":{}}";
        String extension = new GoogleTestClient(restart()).geminiStart(body);

        GoogleTestClient google = new GoogleTestClient(restart());
        clock.advance(JOB);
        byte[] extended = google.geminiDownload(google.geminiVideoUri(extension));

        assertThat(probe(extended, work).durationSeconds()).isEqualTo(11.0);
    }

    @Test
    void aDeletedVideoStaysDeleted() throws Exception {
        TestClient client = new TestClient(restart());
        String id = client.create("{\"prompt\":\"p\"}").get("id").asText();
        clock.advance(JOB);
        assertThat(client.delete("/videos/" + id).statusCode()).isEqualTo(200);

        client = new TestClient(restart());

        assertThat(client.get("/videos/" + id).statusCode()).isEqualTo(404);
        assertThat(emulator.jobCount()).isZero();
    }

    @Test
    void anUnreadableFileIsSkippedAndKeptAndAnUnfinishedWriteIsRemoved() throws Exception {
        String id = new TestClient(restart()).create("{\"prompt\":\"p\"}").get("id").asText();
        emulator.close();
        Path torn = Files.writeString(state.resolve("openai-videos").resolve("video_torn.json"), "{\"id\":");
        Path unknown = Files.writeString(state.resolve("veo-operations").resolve("gemini-x.json"), "{\"format\":9}");
        Path unfinished = Files.writeString(state.resolve("requests").resolve("000000000000009.json.7.tmp"), "{");

        TestClient client = new TestClient(restart());

        assertThat(client.get("/videos/" + id).statusCode()).isEqualTo(200);
        assertThat(emulator.jobCount()).isEqualTo(1);
        assertThat(torn).exists();
        assertThat(unknown).exists();
        assertThat(unfinished).doesNotExist();
    }

    private List<Path> stateFilesContaining(String text) throws IOException {
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(Files::isRegularFile).filter(f -> read(f).contains(text)).toList();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
