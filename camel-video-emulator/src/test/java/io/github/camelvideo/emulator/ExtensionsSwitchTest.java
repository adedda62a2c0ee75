package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.GEMINI_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.base64;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Renderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers without video extensions, for clients that fall back to stitching videos themselves. */
class ExtensionsSwitchTest {

    private static final Duration JOB = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private VideoEmulator emulator;
    private TestClient openAi;
    private GoogleTestClient google;
    @TempDir
    Path dir;

    private void start(VideoEmulator.Builder builder) throws Exception {
        emulator = builder.jobDuration(JOB).clock(clock).start();
        openAi = new TestClient(emulator);
        google = new GoogleTestClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void extensionsAreOfferedByDefault() throws Exception {
        start(VideoEmulator.builder());

        assertThat(emulator.extensionsEnabled()).isTrue();
        assertThat(extendOnOpenAi(completedOpenAiVideo()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutExtensionsOpenAiAnswersAsForAnUnknownRoute() throws Exception {
        start(VideoEmulator.builder().extensions(false));
        String source = completedOpenAiVideo();
        int jobs = emulator.jobCount();

        HttpResponse<String> extension = extendOnOpenAi(source);
        HttpResponse<String> unknown = openAi.postJson("/videos/no/such/route", "{}");

        assertThat(extension.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = TestClient.json(extension).get("error");
        JsonNode unknownError = TestClient.json(unknown).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Invalid URL (POST /v1/videos/extensions)");
        assertThat(error.get("type")).isEqualTo(unknownError.get("type"));
        assertThat(error.get("param")).isEqualTo(unknownError.get("param"));
        assertThat(error.get("code")).isEqualTo(unknownError.get("code"));
        assertThat(emulator.jobCount()).isEqualTo(jobs);
    }

    @Test
    void withoutExtensionsGeminiRefusesAVideoToExtend() throws Exception {
        start(VideoEmulator.builder().extensions(false));
        String source = google.geminiStart(veoBody("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}"));
        clock.advance(JOB);
        String uri = google.geminiVideoUri(source);
        int jobs = emulator.jobCount();

        HttpResponse<String> byUri = google.geminiCreate(GEMINI_MODEL,
                veoBody("{\"prompt\":\"more\",\"video\":{\"uri\":\"" + uri + "\"}}", "{}"));
        HttpResponse<String> inline = google.geminiCreate(GEMINI_MODEL, veoBody("{\"prompt\":\"more\",\"video\":{"
                + "\"encodedVideo\":\"" + base64(renderedMp4()) + "\",\"encoding\":\"video/mp4\"}}", "{}"));

        assertNotSupported(byUri);
        assertNotSupported(inline);
        assertThat(emulator.jobCount()).isEqualTo(jobs);
    }

    @Test
    void withoutExtensionsVertexRefusesAVideoToExtend() throws Exception {
        start(VideoEmulator.builder().extensions(false));
        emulator.putStorageObject("in", "source.mp4", renderedMp4(), "video/mp4");
        int jobs = emulator.jobCount();

        HttpResponse<String> inline = google.vertexCreate(VERTEX_MODEL, veoBody("{\"prompt\":\"more\",\"video\":{"
                + "\"bytesBase64Encoded\":\"" + base64(renderedMp4()) + "\",\"mimeType\":\"video/mp4\"}}", "{}"));
        HttpResponse<String> stored = google.vertexCreate(VERTEX_MODEL, veoBody("{\"prompt\":\"more\",\"video\":{"
                + "\"gcsUri\":\"gs://in/source.mp4\",\"mimeType\":\"video/mp4\"}}", "{}"));

        assertNotSupported(inline);
        assertNotSupported(stored);
        assertThat(emulator.jobCount()).isEqualTo(jobs);
        assertThat(google.vertexCreate(VERTEX_MODEL, veoBody("{\"prompt\":\"p\"}", "{}")).statusCode())
                .as("other requests are served").isEqualTo(200);
    }

    @Test
    void theSwitchWorksWhileTheEmulatorRuns() throws Exception {
        start(VideoEmulator.builder());
        String source = completedOpenAiVideo();
        String gemini = google.geminiStart(veoBody("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}"));
        clock.advance(JOB);
        String geminiExtension = veoBody("{\"prompt\":\"more\",\"video\":{\"uri\":\"" + google.geminiVideoUri(gemini)
                + "\"}}", "{}");

        emulator.extensionsEnabled(false);
        assertThat(emulator.extensionsEnabled()).isFalse();
        assertThat(extendOnOpenAi(source).statusCode()).isEqualTo(404);
        assertNotSupported(google.geminiCreate(GEMINI_MODEL, geminiExtension));

        emulator.extensionsEnabled(true);
        assertThat(extendOnOpenAi(source).statusCode()).isEqualTo(200);
        assertThat(google.geminiCreate(GEMINI_MODEL, geminiExtension).statusCode()).isEqualTo(200);
    }

    private String completedOpenAiVideo() {
        String id = openAi.create("{\"prompt\":\"a cat\",\"seconds\":\"4\"}").get("id").asText();
        clock.advance(JOB);
        return id;
    }

    private HttpResponse<String> extendOnOpenAi(String sourceId) {
        return openAi.postJson("/videos/extensions",
                "{\"prompt\":\"more\",\"seconds\":\"4\",\"video\":{\"id\":\"" + sourceId + "\"}}");
    }

    private byte[] renderedMp4() throws Exception {
        Path mp4 = Files.createTempFile(dir, "source", ".mp4");
        Mp4Renderer.render(mp4, 1280, 720, 2);
        return Files.readAllBytes(mp4);
    }

    private static String veoBody(String instance, String parameters) {
        return "{\"instances\":[" + instance + "],\"parameters\":" + parameters + "}";
    }

    private static void assertNotSupported(HttpResponse<String> response) {
        GeminiVeoTest.assertInvalid(response, "Video extension is not supported by this model.");
    }
}
