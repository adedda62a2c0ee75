package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_RESOURCE;
import static io.github.camelvideo.emulator.GoogleTestClient.base64;
import static io.github.camelvideo.emulator.GoogleTestClient.image;
import static io.github.camelvideo.emulator.GoogleTestClient.probe;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import io.github.camelvideo.emulator.media.Mp4Renderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Veo on Vertex AI: create, fetchPredictOperation with inline or Cloud Storage output, and storage reads. */
class VertexVeoTest {

    private static final Duration JOB = Duration.ofSeconds(5);
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    // One emulator for the class, so renderings are shared; every test creates its own operations.
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private static VideoEmulator emulator;
    private static GoogleTestClient client;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(JOB).clock(CLOCK).start();
        client = new GoogleTestClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private JsonNode fetch(String name) {
        HttpResponse<String> response = client.vertexFetch(VERTEX_MODEL, name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.json(response);
    }

    @Test
    void inlineOutputIsTheWholeMp4InBase64() {
        HttpResponse<String> created = client.vertexCreate(VERTEX_MODEL,
                "{\"instances\":[{\"prompt\":\"a red kite\"}],\"parameters\":{\"durationSeconds\":4,\"seed\":7}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String name = TestClient.json(created).get("name").asText();
        assertThat(name).matches(VERTEX_RESOURCE.replace(".", "\\.") + VERTEX_MODEL.replace(".", "\\.")
                + "/operations/" + UUID);
        JsonNode running = fetch(name);
        assertThat(running.size()).isEqualTo(1);
        assertThat(running.get("name").asText()).isEqualTo(name);

        CLOCK.advance(JOB);
        HttpResponse<String> response = client.vertexFetch(VERTEX_MODEL, name);
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(response.body().length());
        JsonNode done = TestClient.json(response);
        assertThat(done.get("name").asText()).isEqualTo(name);
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.at("/response/@type").asText())
                .isEqualTo("type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse");
        assertThat(done.at("/response/raiMediaFilteredCount").asInt()).isZero();
        JsonNode videos = done.at("/response/videos");
        assertThat(videos.size()).isEqualTo(1);
        assertThat(videos.get(0).get("mimeType").asText()).isEqualTo("video/mp4");
        Mp4Probe probe = probe(Base64.getDecoder().decode(videos.get(0).get("bytesBase64Encoded").asText()), dir);
        assertThat(probe.durationSeconds()).isEqualTo(4.0);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
    }

    @Test
    void storageUriOutputIsWrittenToCloudStorage() {
        String name = client.vertexStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4,"
                + "\"aspectRatio\":\"9:16\",\"storageUri\":\"gs://out-bucket/renders/\"}}");
        String operationId = name.substring(name.lastIndexOf('/') + 1);
        String object = "renders/" + operationId + "/sample_0.mp4";
        assertThat(emulator.storageObject("out-bucket", object)).isEmpty();

        CLOCK.advance(JOB);
        JsonNode done = fetch(name);

        JsonNode video = done.at("/response/videos/0");
        assertThat(video.get("gcsUri").asText()).isEqualTo("gs://out-bucket/" + object);
        assertThat(video.get("mimeType").asText()).isEqualTo("video/mp4");
        assertThat(video.has("bytesBase64Encoded")).isFalse();
        byte[] stored = emulator.storageObject("out-bucket", object).orElseThrow();
        Mp4Probe probe = probe(stored, dir);
        assertThat(probe.durationSeconds()).isEqualTo(4.0);
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);

        HttpResponse<byte[]> media = client.vertexGetBytes(client.storageUrl("out-bucket", object) + "?alt=media");
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("content-type")).hasValue("video/mp4");
        assertThat(media.body()).isEqualTo(stored);

        HttpResponse<byte[]> tail = client.vertexGetBytes(client.storageUrl("out-bucket", object) + "?alt=media",
                "Range", "bytes=100-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("content-range")).hasValue("bytes 100-" + (stored.length - 1) + "/"
                + stored.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(stored, 100, stored.length));
    }

    @Test
    void storageOutputAppearsWhenTheOperationCompletesEvenUnpolled() {
        String name = client.vertexStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4,"
                + "\"storageUri\":\"gs://out-bucket\"}}");
        String object = name.substring(name.lastIndexOf('/') + 1) + "/sample_0.mp4";

        CLOCK.advance(JOB);

        assertThat(client.vertexGetBytes(client.storageUrl("out-bucket", object) + "?alt=media").statusCode())
                .isEqualTo(200);
    }

    @Test
    void storageMetadataAndMissingObjects() {
        emulator.putStorageObject("inputs", "cats/cat one.png", image("png"), "image/png");

        HttpResponse<String> metadata = client.vertexGet(client.storageUrl("inputs", "cats/cat one.png"));
        HttpResponse<String> missing = client.vertexGet(client.storageUrl("inputs", "cats/dog.png"));
        HttpResponse<String> unauthenticated = client.withBearer(null).vertexGet(client.storageUrl("inputs",
                "cats/cat one.png"));

        assertThat(metadata.statusCode()).as(metadata.body()).isEqualTo(200);
        JsonNode json = TestClient.json(metadata);
        assertThat(json.get("kind").asText()).isEqualTo("storage#object");
        assertThat(json.get("name").asText()).isEqualTo("cats/cat one.png");
        assertThat(json.get("bucket").asText()).isEqualTo("inputs");
        assertThat(json.get("size").isTextual()).isTrue();
        assertThat(json.get("size").asText()).isEqualTo(Integer.toString(image("png").length));
        assertThat(json.get("contentType").asText()).isEqualTo("image/png");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(missing).at("/error/code").asInt()).isEqualTo(404);
        assertThat(TestClient.json(missing).at("/error/message").asText()).isEqualTo("No such object: inputs/cats/dog.png");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(TestClient.json(unauthenticated).at("/error/status").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void gcsUriImageInputsMustExist() {
        emulator.putStorageObject("inputs", "first.png", image("png"), "image/png");
        emulator.putStorageObject("inputs", "notes.txt", "hello".getBytes(), "text/plain");

        HttpResponse<String> ok = client.vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":"
                + "{\"gcsUri\":\"gs://inputs/first.png\",\"mimeType\":\"image/png\"},\"lastFrame\":{\"bytesBase64Encoded\":\""
                + base64(image("jpg")) + "\",\"mimeType\":\"image/jpeg\"}}],\"parameters\":{\"durationSeconds\":4}}");
        HttpResponse<String> text = client.vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":"
                + "{\"gcsUri\":\"gs://inputs/notes.txt\",\"mimeType\":\"image/png\"}}]}");

        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        GeminiVeoTest.assertInvalid(text, "instances[0].image", "PNG, JPEG or WebP");
    }

    @Test
    void extensionFromCloudStorageAddsSevenSeconds() {
        String source = client.vertexStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4,"
                + "\"storageUri\":\"gs://out/src\"}}");
        CLOCK.advance(JOB);
        String sourceUri = fetch(source).at("/response/videos/0/gcsUri").asText();

        String extension = client.vertexStart("{\"instances\":[{\"prompt\":\"more\",\"video\":{\"gcsUri\":\"" + sourceUri
                + "\",\"mimeType\":\"video/mp4\"}}]}");
        CLOCK.advance(JOB);

        byte[] extended = Base64.getDecoder().decode(fetch(extension).at("/response/videos/0/bytesBase64Encoded").asText());
        Mp4Probe probe = probe(extended, dir);
        assertThat(probe.durationSeconds()).isEqualTo(11.0);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(sourceUri).startsWith("gs://out/");
        byte[] sourceVideo = emulator.storageObject("out", sourceUri.substring("gs://out/".length())).orElseThrow();
        GeminiVeoTest.assertStartsWith(extended, sourceVideo, 11.0, dir);
    }

    @Test
    void extensionFromInlineBytesReadsTheSourceMp4() throws Exception {
        Path mp4 = dir.resolve("source.mp4");
        Mp4Renderer.render(mp4, 1280, 720, 4);
        Path small = dir.resolve("small.mp4");
        Mp4Renderer.render(small, 640, 360, 2);

        String extension = client.vertexStart("{\"instances\":[{\"prompt\":\"more\",\"video\":{\"bytesBase64Encoded\":\""
                + base64(Files.readAllBytes(mp4)) + "\",\"mimeType\":\"video/mp4\"}}]}");
        HttpResponse<String> notHd = client.vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"more\",\"video\":"
                + "{\"bytesBase64Encoded\":\"" + base64(Files.readAllBytes(small)) + "\",\"mimeType\":\"video/mp4\"}}]}");
        HttpResponse<String> missing = client.vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"more\",\"video\":"
                + "{\"gcsUri\":\"gs://out/none.mp4\"}}]}");
        CLOCK.advance(JOB);

        String encoded = fetch(extension).at("/response/videos/0/bytesBase64Encoded").asText();
        assertThat(probe(Base64.getDecoder().decode(encoded), dir).durationSeconds()).isEqualTo(11.0);
        GeminiVeoTest.assertStartsWith(Base64.getDecoder().decode(encoded), Files.readAllBytes(mp4), 11.0, dir);
        GeminiVeoTest.assertInvalid(notHd, "instances[0].video", "640x360", "720p");
        GeminiVeoTest.assertInvalid(missing, "instances[0].video.gcsUri", "gs://out/none.mp4");
    }

    @Test
    void anInlineExtensionSentBackIsExtendedAgain() {
        String source = client.vertexStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}");
        CLOCK.advance(JOB);
        String once = extendInline(fetch(source).at("/response/videos/0/bytesBase64Encoded").asText());

        String twice = extendInline(once);

        GeminiVeoTest.assertStartsWith(Base64.getDecoder().decode(twice), Base64.getDecoder().decode(once), 18.0, dir);
    }

    /** Extends base64 MP4 bytes sent inline; returns the extension's base64 bytes once it is done. */
    private String extendInline(String base64Mp4) {
        String extension = client.vertexStart("{\"instances\":[{\"prompt\":\"more\",\"video\":{\"bytesBase64Encoded\":\""
                + base64Mp4 + "\",\"mimeType\":\"video/mp4\"}}]}");
        CLOCK.advance(JOB);
        return fetch(extension).at("/response/videos/0/bytesBase64Encoded").asText();
    }

    @Test
    void theV1beta1PathWorksToo() {
        HttpResponse<String> response = GoogleTestClient.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl()
                + "/v1beta1/" + VERTEX_RESOURCE + VERTEX_MODEL + ":predictLongRunning"))
                .header("Authorization", "Bearer t").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(fetch(TestClient.json(response).get("name").asText()).get("name").asText()).startsWith("projects/");
    }

    @Test
    void operationsAreReadWithFetchPredictOperationOnly() {
        String name = client.vertexStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}");

        HttpResponse<String> get = client.vertexGet(emulator.vertexBaseUrl() + "/" + name);
        HttpResponse<String> unknown = client.vertexFetch(VERTEX_MODEL, VERTEX_RESOURCE + VERTEX_MODEL
                + "/operations/00000000-0000-0000-0000-000000000000");
        HttpResponse<String> missingName = client.vertexCall(VERTEX_MODEL, "fetchPredictOperation", "{}");
        HttpResponse<String> otherModel = client.vertexFetch("veo-2.0-generate-001", name);

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(get).at("/error/message").asText()).contains("fetchPredictOperation");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(unknown).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        GeminiVeoTest.assertInvalid(missingName, "operationName");
        GeminiVeoTest.assertInvalid(otherModel, "operationName");
    }

    @Test
    void geminiOperationsAreNotVertexOperations() {
        String gemini = client.geminiStart("{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}");

        assertThat(client.vertexFetch(VERTEX_MODEL, gemini).statusCode()).isEqualTo(404);
    }
}
