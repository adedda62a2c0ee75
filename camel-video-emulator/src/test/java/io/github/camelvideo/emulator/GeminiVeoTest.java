package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.GEMINI_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.base64;
import static io.github.camelvideo.emulator.GoogleTestClient.image;
import static io.github.camelvideo.emulator.GoogleTestClient.pngObject;
import static io.github.camelvideo.emulator.GoogleTestClient.probe;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import io.github.camelvideo.emulator.media.Mp4Renderer;
import io.github.camelvideo.emulator.media.Mp4Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Veo on the Gemini API: create, poll, download through the redirect, inputs and extension. */
class GeminiVeoTest {

    private static final Duration JOB = Duration.ofSeconds(5);

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

    private static String body(String instance, String parameters) {
        return "{\"instances\":[" + instance + "],\"parameters\":" + parameters + "}";
    }

    private String completed(String json) {
        String name = client.geminiStart(json);
        CLOCK.advance(JOB);
        return name;
    }

    @Test
    void createPollAndDownloadThroughTheRedirect() {
        int jobsBefore = emulator.jobCount();
        HttpResponse<String> created = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"a lighthouse at dusk\"}", "{\"durationSeconds\":4,\"aspectRatio\":\"16:9\"}"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode operation = TestClient.json(created);
        String name = operation.get("name").asText();
        assertThat(name).matches("models/" + GEMINI_MODEL.replace(".", "\\.") + "/operations/[a-z0-9]{12}");
        assertThat(operation.size()).isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(2));
        JsonNode running = TestClient.json(client.geminiPoll(name));
        assertThat(running.get("name").asText()).isEqualTo(name);
        assertThat(running.has("done")).isFalse();
        assertThat(running.size()).isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(3));
        HttpResponse<String> polled = client.geminiPoll(name);
        assertThat(polled.statusCode()).isEqualTo(200);
        JsonNode done = TestClient.json(polled);
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.has("error")).isFalse();
        assertThat(done.at("/response/@type").asText())
                .isEqualTo("type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse");
        JsonNode samples = done.at("/response/generateVideoResponse/generatedSamples");
        assertThat(samples.size()).isEqualTo(1);
        String uri = samples.get(0).at("/video/uri").asText();
        assertThat(uri).matches(java.util.regex.Pattern.quote(emulator.geminiBaseUrl() + "/files/")
                + "[a-z0-9]{12}:download\\?alt=media");

        HttpResponse<byte[]> redirect = client.geminiGetBytes(uri);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(emulator.rootUrl() + "/download/").contains("?token=");

        HttpResponse<byte[]> media = client.getBytes(location); // no key: the token is the credential
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("content-type")).hasValue("video/mp4");
        assertThat(media.headers().firstValueAsLong("content-length")).hasValue(media.body().length);
        Mp4Probe probe = probe(media.body(), dir);
        assertThat(probe.durationSeconds()).isEqualTo(4.0);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(emulator.jobCount()).isEqualTo(jobsBefore + 1);
    }

    @Test
    void durationAsAStringAndPortraitAspect() {
        String name = completed(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":\"6\",\"aspectRatio\":\"9:16\"}"));

        Mp4Probe probe = probe(client.geminiDownload(client.geminiVideoUri(name)), dir);

        assertThat(probe.durationSeconds()).isEqualTo(6.0);
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
    }

    @Test
    void defaultsAreEightSecondsSixteenByNine() {
        String name = completed(body("{\"prompt\":\"p\"}", "{}"));

        Mp4Probe probe = probe(client.geminiDownload(client.geminiVideoUri(name)), dir);

        assertThat(probe.durationSeconds()).isEqualTo(8.0);
        assertThat(probe.width()).isEqualTo(1280);
    }

    @Test
    void theDownloadTokenIsChecked() {
        String name = completed(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}"));
        String location = client.geminiGetBytes(client.geminiVideoUri(name)).headers().firstValue("location")
                .orElseThrow();

        HttpResponse<byte[]> forged = client.getBytes(location.replaceAll("token=.*", "token=forged"));
        HttpResponse<byte[]> missing = client.getBytes(location.replaceAll("\\?token=.*", ""));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(new String(forged.body())).contains("PERMISSION_DENIED");
        assertThat(client.getBytes(location).statusCode()).isEqualTo(200);
    }

    @Test
    void theFilesPathNeedsAltMediaAndAKey() {
        String uri = client.geminiVideoUri(completed(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}")));

        assertThat(client.geminiGetBytes(uri.replace("?alt=media", "")).statusCode()).isEqualTo(400);
        HttpResponse<byte[]> keyless = client.withApiKey(null).geminiGetBytes(uri);
        assertThat(keyless.statusCode()).isEqualTo(403);
        assertThat(new String(keyless.body())).contains("Method doesn't allow unregistered callers");
    }

    @Test
    void unknownOperationsAndFilesAre404() {
        HttpResponse<String> operation = client.geminiPoll("models/" + GEMINI_MODEL + "/operations/abcdefghijkl");
        HttpResponse<String> file = client.geminiGet(emulator.geminiBaseUrl() + "/files/abcdefghijkl:download?alt=media");

        assertThat(operation.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(operation).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(TestClient.json(operation).at("/error/code").asInt()).isEqualTo(404);
        assertThat(file.statusCode()).isEqualTo(404);
    }

    @Test
    void anOperationIsOnlyFoundUnderItsOwnModel() {
        String name = client.geminiStart(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}"));

        assertThat(client.geminiPoll(name.replace(GEMINI_MODEL, "veo-3.1-fast-generate-preview")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void filesExpireAfterTheRetention() throws Exception {
        try (VideoEmulator shortLived = VideoEmulator.builder().jobDuration(JOB).clock(CLOCK)
                .retention(Duration.ofMinutes(10)).start()) {
            GoogleTestClient google = new GoogleTestClient(shortLived);
            String name = google.geminiStart(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}"));
            CLOCK.advance(JOB);
            String uri = google.geminiVideoUri(name);
            String location = google.geminiGetBytes(uri).headers().firstValue("location").orElseThrow();

            CLOCK.advance(Duration.ofMinutes(10));

            assertThat(google.geminiGetBytes(uri).statusCode()).isEqualTo(404);
            assertThat(google.getBytes(location).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void imagesAreAcceptedInBothShapes() {
        String sdkShape = pngObject();
        String restShape = "{\"inlineData\":{\"mimeType\":\"image/jpeg\",\"data\":\"" + base64(image("jpg")) + "\"}}";

        HttpResponse<String> sdk = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"image\":" + sdkShape + "}", "{\"durationSeconds\":4}"));
        HttpResponse<String> rest = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"image\":" + restShape + "}", "{\"durationSeconds\":4}"));
        HttpResponse<String> imageOnly = client.geminiCreate(GEMINI_MODEL,
                body("{\"image\":" + sdkShape + "}", "{\"durationSeconds\":4}"));

        assertThat(sdk.statusCode()).as(sdk.body()).isEqualTo(200);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        assertThat(imageOnly.statusCode()).as(imageOnly.body()).isEqualTo(200);
    }

    @Test
    void urlSafeUnpaddedBase64IsAccepted() {
        String urlSafe = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(image("png"));

        HttpResponse<String> response = client.geminiCreate(GEMINI_MODEL, body(
                "{\"prompt\":\"p\",\"image\":{\"bytesBase64Encoded\":\"" + urlSafe + "\",\"mimeType\":\"image/png\"}}",
                "{\"durationSeconds\":4}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void imageBytesAreJudgedByTheirContent() {
        String notAnImage = "{\"bytesBase64Encoded\":\"" + base64("GIF89a not really".getBytes()) + "\",\"mimeType\":\"image/png\"}";

        HttpResponse<String> response = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"image\":" + notAnImage + "}", "{}"));

        assertInvalid(response, "instances[0].image", "PNG, JPEG or WebP");
    }

    @Test
    void gcsUriImagesAreRefusedOnGemini() {
        HttpResponse<String> response = client.geminiCreate(GEMINI_MODEL, body(
                "{\"prompt\":\"p\",\"image\":{\"gcsUri\":\"gs://b/cat.png\",\"mimeType\":\"image/png\"}}", "{}"));

        assertInvalid(response, "instances[0].image.gcsUri", "Gemini API");
    }

    @Test
    void lastFrameNeedsTheFirstFrame() {
        HttpResponse<String> alone = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"lastFrame\":" + pngObject() + "}", "{}"));
        HttpResponse<String> both = client.geminiCreate(GEMINI_MODEL, body(
                "{\"prompt\":\"p\",\"image\":" + pngObject() + ",\"lastFrame\":" + pngObject() + "}",
                "{\"durationSeconds\":4}"));

        assertInvalid(alone, "instances[0].lastFrame", "instances[0].image");
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
    }

    @Test
    void referenceImagesAreAssetsAtMostThreeAndNeedEightSeconds() {
        String asset = "{\"image\":" + pngObject() + ",\"referenceType\":\"asset\"}";
        String style = "{\"image\":" + pngObject() + ",\"referenceType\":\"style\"}";

        HttpResponse<String> three = client.geminiCreate(GEMINI_MODEL, body(
                "{\"prompt\":\"p\",\"referenceImages\":[" + asset + "," + asset + "," + asset + "]}", "{}"));
        HttpResponse<String> four = client.geminiCreate(GEMINI_MODEL, body(
                "{\"prompt\":\"p\",\"referenceImages\":[" + asset + "," + asset + "," + asset + "," + asset + "]}", "{}"));
        HttpResponse<String> styled = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"referenceImages\":[" + style + "]}", "{}"));
        HttpResponse<String> short4 = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"referenceImages\":[" + asset + "]}", "{\"durationSeconds\":4}"));

        assertThat(three.statusCode()).as(three.body()).isEqualTo(200);
        assertInvalid(four, "instances[0].referenceImages", "at most 3");
        assertInvalid(styled, "instances[0].referenceImages[0].referenceType", "\"style\"");
        assertInvalid(short4, "parameters.durationSeconds", "instances[0].referenceImages");
    }

    @Test
    void extensionAddsSevenSecondsToAGeneratedVideo() {
        String source = client.geminiVideoUri(completed(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":8}")));

        String extension = completed(body("{\"prompt\":\"and then\",\"video\":{\"uri\":\"" + source + "\"}}", "{}"));

        byte[] extended = client.geminiDownload(client.geminiVideoUri(extension));
        Mp4Probe probe = probe(extended, dir);
        assertThat(probe.durationSeconds()).isEqualTo(15.0);
        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertStartsWith(extended, client.geminiDownload(source), 15.0);
    }

    @Test
    void extensionAcceptsAnEncodedVideo() throws Exception {
        Path mp4 = dir.resolve("portrait.mp4");
        Mp4Renderer.render(mp4, 720, 1280, 4);
        String video = "{\"encodedVideo\":\"" + base64(Files.readAllBytes(mp4)) + "\",\"encoding\":\"video/mp4\"}";

        String extension = completed(body("{\"prompt\":\"more\",\"video\":" + video + "}", "{}"));

        byte[] extended = client.geminiDownload(client.geminiVideoUri(extension));
        Mp4Probe probe = probe(extended, dir);
        assertThat(probe.durationSeconds()).isEqualTo(11.0);
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertStartsWith(extended, Files.readAllBytes(mp4), 11.0);
    }

    @Test
    void anExtensionOfAnExtensionGrowsAgain() {
        String source = client.geminiVideoUri(completed(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}")));
        String once = client.geminiVideoUri(
                completed(body("{\"prompt\":\"and then\",\"video\":{\"uri\":\"" + source + "\"}}", "{}")));

        String twice = completed(body("{\"prompt\":\"and then\",\"video\":{\"uri\":\"" + once + "\"}}", "{}"));

        byte[] onceVideo = client.geminiDownload(once);
        assertStartsWith(onceVideo, client.geminiDownload(source), 11.0);
        assertStartsWith(client.geminiDownload(client.geminiVideoUri(twice)), onceVideo, 18.0);
    }

    /** Checks that {@code extended} lasts {@code seconds} and its first frames are exactly those of {@code source}. */
    static void assertStartsWith(byte[] extended, byte[] source, double seconds, Path dir) {
        Mp4Samples extendedSamples = Mp4Samples.of(extended, dir);
        Mp4Samples sourceSamples = Mp4Samples.of(source, dir);
        assertThat(extendedSamples.durationSeconds()).isEqualTo(seconds);
        assertThat(extendedSamples.count()).isGreaterThan(sourceSamples.count());
        assertThat(extendedSamples.digests(0, sourceSamples.count())).isEqualTo(sourceSamples.digests());
    }

    private void assertStartsWith(byte[] extended, byte[] source, double seconds) {
        assertStartsWith(extended, source, seconds, dir);
    }

    @Test
    void extensionNeedsEightSecondsAndA720pSourceThisEmulatorMade() throws Exception {
        String source = client.geminiVideoUri(completed(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}")));
        Path small = dir.resolve("small.mp4");
        Mp4Renderer.render(small, 320, 240, 2);

        HttpResponse<String> fourSeconds = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"video\":{\"uri\":\"" + source + "\"}}", "{\"durationSeconds\":4}"));
        HttpResponse<String> hd = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"video\":{\"uri\":\"" + source + "\"}}", "{\"resolution\":\"1080p\"}"));
        HttpResponse<String> foreign = client.geminiCreate(GEMINI_MODEL,
                body("{\"prompt\":\"p\",\"video\":{\"uri\":\"https://example.com/v.mp4\"}}", "{}"));
        HttpResponse<String> notHd = client.geminiCreate(GEMINI_MODEL, body("{\"prompt\":\"p\",\"video\":{\"encodedVideo\":\""
                + base64(Files.readAllBytes(small)) + "\",\"encoding\":\"video/mp4\"}}", "{}"));
        HttpResponse<String> notMp4 = client.geminiCreate(GEMINI_MODEL, body("{\"prompt\":\"p\",\"video\":{\"encodedVideo\":\""
                + base64(image("png")) + "\"}}", "{}"));

        assertInvalid(fourSeconds, "parameters.durationSeconds", "video extension");
        assertInvalid(hd, "parameters.resolution", "\"720p\"");
        assertInvalid(foreign, "instances[0].video.uri", "https://example.com/v.mp4");
        assertInvalid(notHd, "instances[0].video", "320x240");
        assertInvalid(notMp4, "instances[0].video.encodedVideo", "MP4");
    }

    @Test
    void expiredVideosCannotBeExtended() throws Exception {
        try (VideoEmulator shortLived = VideoEmulator.builder().jobDuration(JOB).clock(CLOCK)
                .retention(Duration.ofMinutes(1)).start()) {
            GoogleTestClient google = new GoogleTestClient(shortLived);
            String name = google.geminiStart(body("{\"prompt\":\"p\"}", "{\"durationSeconds\":4}"));
            CLOCK.advance(JOB);
            String source = google.geminiVideoUri(name);
            CLOCK.advance(Duration.ofMinutes(1));

            HttpResponse<String> response = google.geminiCreate(GEMINI_MODEL,
                    body("{\"prompt\":\"p\",\"video\":{\"uri\":\"" + source + "\"}}", "{}"));

            assertInvalid(response, "instances[0].video.uri", "expired");
        }
    }

    @Test
    void veo2MakesSeveralSamples() {
        HttpResponse<String> created = client.geminiCreate("veo-2.0-generate-001",
                body("{\"prompt\":\"p\"}", "{\"sampleCount\":2,\"durationSeconds\":5}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String name = TestClient.json(created).get("name").asText();
        CLOCK.advance(JOB);

        JsonNode samples = TestClient.json(client.geminiPoll(name)).at("/response/generateVideoResponse/generatedSamples");
        assertThat(samples.size()).isEqualTo(2);
        assertThat(samples.get(0).at("/video/uri").asText()).isNotEqualTo(samples.get(1).at("/video/uri").asText());
    }

    static void assertInvalid(HttpResponse<String> response, String... fragments) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestClient.json(response).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(400);
        assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("message").asText()).contains(fragments);
    }
}
