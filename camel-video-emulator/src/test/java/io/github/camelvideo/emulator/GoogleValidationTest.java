package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GeminiVeoTest.assertInvalid;
import static io.github.camelvideo.emulator.GoogleTestClient.GEMINI_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_MODEL;
import static io.github.camelvideo.emulator.GoogleTestClient.pngObject;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request validation, models and authentication of both Veo surfaces. No request here renders anything. */
class GoogleValidationTest {

    private static VideoEmulator emulator;
    private static GoogleTestClient client;

    @BeforeAll
    static void start() throws Exception {
        // Every accepted job never finishes, so nothing is rendered.
        emulator = VideoEmulator.builder().jobDuration(Duration.ofHours(1)).start();
        client = new GoogleTestClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Stream<Arguments> invalidRequests() {
        String prompt = "{\"prompt\":\"p\"}";
        return Stream.of(
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"aspectRatio\":\"4:3\"}}",
                        new String[] {"parameters.aspectRatio", "4:3", "16:9", "9:16"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"resolution\":\"8k\"}}",
                        new String[] {"parameters.resolution", "8k", "720p", "1080p", "4k"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"durationSeconds\":5}}",
                        new String[] {"parameters.durationSeconds", "5", "4, 6, 8"}),
                Arguments.of("veo-2.0-generate-001",
                        "{\"instances\":[" + prompt + "],\"parameters\":{\"durationSeconds\":4}}",
                        new String[] {"parameters.durationSeconds", "4", "5, 6, 8"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"durationSeconds\":\"abc\"}}",
                        new String[] {"parameters.durationSeconds", "abc"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"durationSeconds\":6.5}}",
                        new String[] {"parameters.durationSeconds", "6.5"}),
                Arguments.of(GEMINI_MODEL,
                        "{\"instances\":[" + prompt + "],\"parameters\":{\"resolution\":\"1080p\",\"durationSeconds\":6}}",
                        new String[] {"parameters.durationSeconds", "must be 8", "1080p"}),
                Arguments.of(GEMINI_MODEL,
                        "{\"instances\":[" + prompt + "],\"parameters\":{\"resolution\":\"4k\",\"durationSeconds\":\"4\"}}",
                        new String[] {"parameters.durationSeconds", "must be 8", "4k"}),
                Arguments.of("veo-2.0-generate-001", "{\"instances\":[" + prompt + "],\"parameters\":{\"resolution\":\"1080p\"}}",
                        new String[] {"parameters.resolution", "1080p", "veo-2.0-generate-001"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"personGeneration\":\"everyone\"}}",
                        new String[] {"parameters.personGeneration", "everyone", "allow_all", "allow_adult", "dont_allow"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"sampleCount\":2}}",
                        new String[] {"parameters.sampleCount", "2", "1 only"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"numberOfVideos\":2}}",
                        new String[] {"parameters.numberOfVideos", "2"}),
                Arguments.of("veo-2.0-generate-001", "{\"instances\":[" + prompt + "],\"parameters\":{\"sampleCount\":5,"
                        + "\"durationSeconds\":5}}", new String[] {"parameters.sampleCount", "5", "1 to 4"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"negativePrompt\":5}}",
                        new String[] {"parameters.negativePrompt", "TYPE_STRING"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"enhancePrompt\":\"yes\"}}",
                        new String[] {"parameters.enhancePrompt", "TYPE_BOOL"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"colour\":\"red\"}}",
                        new String[] {"Unknown name \"colour\"", "parameters"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"audio\":true}]}",
                        new String[] {"Unknown name \"audio\"", "instances[0]"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"\"}]}",
                        new String[] {"instances[0].prompt", "required"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":7}]}",
                        new String[] {"instances[0].prompt", "TYPE_STRING"}),
                Arguments.of(GEMINI_MODEL, "{\"parameters\":{}}", new String[] {"instances", "required"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "," + prompt + "]}",
                        new String[] {"instances", "exactly one", "2"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[" + prompt + "]", new String[] {"Invalid JSON payload"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":{\"bytesBase64Encoded\":\"@@@\"}}]}",
                        new String[] {"instances[0].image.bytesBase64Encoded", "base64"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":{\"bytesBase64Encoded\":\""
                        + GoogleTestClient.base64(GoogleTestClient.image("png")) + "\",\"mimeType\":\"image/gif\"}}]}",
                        new String[] {"instances[0].image.mimeType", "image/gif", "image/png"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":{\"mimeType\":\"image/png\"}}]}",
                        new String[] {"instances[0].image", "bytesBase64Encoded", "inlineData"}),
                Arguments.of(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"referenceImages\":[{\"image\":"
                        + pngObject() + "}]}]}", new String[] {"instances[0].referenceImages[0].referenceType", "required"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"seed\":-1}}",
                        new String[] {"parameters.seed", "-1", "4294967295"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"seed\":4294967296}}",
                        new String[] {"parameters.seed", "4294967296"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"storageUri\":\"s3://b/x/\"}}",
                        new String[] {"parameters.storageUri", "s3://b/x/", "gs://"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"compressionQuality\":\"best\"}}",
                        new String[] {"parameters.compressionQuality", "best", "OPTIMIZED", "LOSSLESS"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"resizeMode\":\"stretch\"}}",
                        new String[] {"parameters.resizeMode", "stretch", "CROP", "PAD"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[" + prompt + "],\"parameters\":{\"generateAudio\":\"true\"}}",
                        new String[] {"parameters.generateAudio", "TYPE_BOOL"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":{\"inlineData\":{\"data\":\"AAAA\"}}}]}",
                        new String[] {"Unknown name \"inlineData\"", "instances[0].image"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"image\":{\"gcsUri\":\"gs://inputs/none.png\"}}]}",
                        new String[] {"instances[0].image.gcsUri", "gs://inputs/none.png", "does not exist"}),
                Arguments.of(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\",\"referenceImages\":[{\"image\":"
                        + pngObject() + ",\"referenceType\":\"pose\"}]}]}",
                        new String[] {"instances[0].referenceImages[0].referenceType", "pose", "asset", "style"}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidRequests")
    void invalidRequestsAre400NamingTheField(String model, String json, String[] fragments) {
        HttpResponse<String> response = model.equals(VERTEX_MODEL) ? client.vertexCreate(model, json)
                : client.geminiCreate(model, json);

        assertInvalid(response, fragments);
    }

    @Test
    void invalidRequestsCreateNothing() {
        int before = emulator.jobCount();

        client.geminiCreate(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"aspectRatio\":\"1:1\"}}");

        assertThat(emulator.jobCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"seed\":1", "\"generateAudio\":true", "\"storageUri\":\"gs://b/o/\"", "\"fps\":24",
        "\"compressionQuality\":\"OPTIMIZED\"", "\"pubsubTopic\":\"projects/p/topics/t\"", "\"resizeMode\":\"PAD\""})
    void vertexOnlyParametersAreRefusedOnGeminiAndAcceptedOnVertex(String parameter) {
        String json = "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{" + parameter + "}}";
        String name = parameter.substring(1, parameter.indexOf('"', 1));

        assertInvalid(client.geminiCreate(GEMINI_MODEL, json), "parameters." + name, "Gemini API");
        HttpResponse<String> vertex = client.vertexCreate(VERTEX_MODEL, json);
        assertThat(vertex.statusCode()).as(vertex.body()).isEqualTo(200);
    }

    @Test
    void vertexAcceptsStyleReferencesAndLowerCaseEnums() {
        String json = "{\"instances\":[{\"prompt\":\"p\",\"referenceImages\":[{\"image\":" + pngObject()
                + ",\"referenceType\":\"style\"}]}],\"parameters\":{\"compressionQuality\":\"lossless\","
                + "\"resizeMode\":\"crop\",\"seed\":4294967295}}";

        HttpResponse<String> response = client.vertexCreate(VERTEX_MODEL, json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void geminiServesAnyVeoModelAndRefusesOthers() {
        HttpResponse<String> veo = client.geminiCreate("veo-3.0-fast-generate-001", "{\"instances\":[{\"prompt\":\"p\"}]}");
        HttpResponse<String> other = client.geminiCreate("gemini-2.5-flash", "{\"instances\":[{\"prompt\":\"p\"}]}");

        assertThat(veo.statusCode()).as(veo.body()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
        JsonNode error = TestClient.json(other).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(404);
        assertThat(error.get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.get("message").asText()).isEqualTo("models/gemini-2.5-flash is not found for API version v1beta,"
                + " or is not supported for predictLongRunning. Call ListModels to see the list of available models and"
                + " their supported methods.");
    }

    @Test
    void vertexRefusesPreviewIdsAndOtherModels() {
        HttpResponse<String> preview = client.vertexCreate("veo-3.1-generate-preview", "{\"instances\":[{\"prompt\":\"p\"}]}");
        HttpResponse<String> other = client.vertexCreate("imagen-4.0-generate-001", "{\"instances\":[{\"prompt\":\"p\"}]}");

        assertThat(preview.statusCode()).isEqualTo(404);
        assertThat(TestClient.json(preview).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(TestClient.json(preview).at("/error/message").asText()).contains("veo-3.1-generate-preview");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void geminiWithoutAKeyIs403() {
        HttpResponse<String> response = client.withApiKey(null).geminiCreate(GEMINI_MODEL,
                "{\"instances\":[{\"prompt\":\"p\"}]}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"Method doesn't allow unregistered"
                + " callers (callers without established identity). Please use API Key or other form of API consumer"
                + " identity to call this API.\",\"status\":\"PERMISSION_DENIED\"}}");
    }

    @Test
    void geminiWithAWrongKeyIs400ApiKeyInvalid() throws Exception {
        try (VideoEmulator keyed = VideoEmulator.builder().apiKey("right-key").jobDuration(Duration.ofHours(1)).start()) {
            GoogleTestClient google = new GoogleTestClient(keyed, "wrong-key", null);

            HttpResponse<String> wrong = google.geminiCreate(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}");
            HttpResponse<String> right = google.withApiKey("right-key").geminiCreate(GEMINI_MODEL,
                    "{\"instances\":[{\"prompt\":\"p\"}]}");
            HttpResponse<String> query = google.withApiKey(null).geminiGet(keyed.geminiBaseUrl() + "/"
                    + TestClient.json(right).get("name").asText() + "?key=right-key");

            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a"
                    + " valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":"
                    + "\"googleapis.com\",\"metadata\":{\"service\":\"generativelanguage.googleapis.com\"}}]}}");
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
            assertThat(keyed.jobCount()).isEqualTo(1);
        }
    }

    @Test
    void vertexWithoutAValidBearerTokenIs401() throws Exception {
        String expected = "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials."
                + " Expected OAuth 2 access token, login cookie or other valid authentication credential. See"
                + " https://developers.google.com/identity/sign-in/web/devconsole-project.\",\"status\":"
                + "\"UNAUTHENTICATED\"}}";
        HttpResponse<String> missing = client.withBearer(null).vertexCreate(VERTEX_MODEL,
                "{\"instances\":[{\"prompt\":\"p\"}]}");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(expected);

        try (VideoEmulator locked = VideoEmulator.builder().accessToken("ya29.static").jobDuration(Duration.ofHours(1))
                .start()) {
            GoogleTestClient google = new GoogleTestClient(locked, null, "ya29.other");
            HttpResponse<String> wrong = google.vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}");
            HttpResponse<String> right = google.withBearer("ya29.static").vertexCreate(VERTEX_MODEL,
                    "{\"instances\":[{\"prompt\":\"p\"}]}");

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo(expected);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(google.vertexGet(google.storageUrl("b", "o")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void unauthenticatedGoogleRequestsDoNotConsumeFaults() {
        emulator.faults().serverError("POST", "/v1beta/models/.*", 1);

        assertThat(client.withApiKey(null).geminiCreate(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}").statusCode())
                .isEqualTo(403);
        assertThat(client.geminiCreate(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}").statusCode()).isEqualTo(500);
        assertThat(client.geminiCreate(GEMINI_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}").statusCode()).isEqualTo(200);
    }
}
