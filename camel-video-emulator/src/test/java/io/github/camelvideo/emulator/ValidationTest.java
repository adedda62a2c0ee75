package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    private static VideoEmulator emulator;
    private static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = VideoEmulator.builder().start();
        client = new TestClient(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode badRequest(HttpResponse<String> response, String param) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = TestClient.json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        if (param == null) {
            assertThat(error.get("param").isNull()).isTrue();
        } else {
            assertThat(error.get("param").asText()).isEqualTo(param);
        }
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    @Test
    void secondsAsAJsonNumberIsRejected() {
        JsonNode error = badRequest(client.postJson("/videos", "{\"prompt\":\"p\",\"seconds\":8}"), "seconds");

        assertThat(error.get("code").asText()).isEqualTo("invalid_type");
        assertThat(error.get("message").asText()).contains("expected a string").contains("integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "10", "24", "4s", ""})
    void secondsOutsideTheDocumentedValuesAreRejected(String seconds) {
        JsonNode error = badRequest(client.postJson("/videos", "{\"prompt\":\"p\",\"seconds\":\"" + seconds + "\"}"),
                "seconds");

        assertThat(error.get("code").asText()).isEqualTo("invalid_value");
        assertThat(error.get("message").asText()).contains("'4', '8', '12', '16', and '20'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "8", "12", "16", "20"})
    void documentedSecondsAreAccepted(String seconds) {
        JsonNode video = client.create("{\"prompt\":\"p\",\"seconds\":\"" + seconds + "\"}");

        assertThat(video.get("seconds").asText()).isEqualTo(seconds);
    }

    @Test
    void unknownModelIsRejected() {
        JsonNode error = badRequest(client.postJson("/videos", "{\"prompt\":\"p\",\"model\":\"sora-3\"}"), "model");

        assertThat(error.get("code").asText()).isEqualTo("invalid_value");
    }

    @ParameterizedTest
    @CsvSource({
        "sora-2, 1280x720, true", "sora-2, 720x1280, true", "sora-2, 1920x1080, false", "sora-2, 1024x1792, false",
        "sora-2-2025-10-06, 1792x1024, false", "sora-2-2025-12-08, 1280x720, true",
        "sora-2-pro, 1920x1080, true", "sora-2-pro, 1080x1920, true", "sora-2-pro, 1792x1024, true",
        "sora-2-pro-2025-10-06, 1024x1792, true", "sora-2-pro, 640x480, false"
    })
    void sizesDependOnTheModel(String model, String size, boolean allowed) {
        HttpResponse<String> response = client.postJson("/videos",
                "{\"prompt\":\"p\",\"model\":\"" + model + "\",\"size\":\"" + size + "\"}");

        if (allowed) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(TestClient.json(response).get("size").asText()).isEqualTo(size);
            assertThat(TestClient.json(response).get("model").asText()).isEqualTo(model);
        } else {
            assertThat(badRequest(response, "size").get("code").asText()).isEqualTo("invalid_value");
        }
    }

    @Test
    void promptIsRequired() {
        JsonNode error = badRequest(client.postJson("/videos", "{\"seconds\":\"4\"}"), "prompt");

        assertThat(error.get("code").asText()).isEqualTo("missing_required_parameter");
    }

    @Test
    void promptMustNotBeEmptyOrLongerThan32000Characters() {
        badRequest(client.postJson("/videos", "{\"prompt\":\"\"}"), "prompt");
        badRequest(client.postJson("/videos", "{\"prompt\":\"" + "a".repeat(32_001) + "\"}"), "prompt");

        assertThat(client.postJson("/videos", "{\"prompt\":\"" + "a".repeat(32_000) + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownParametersAreRejected() {
        JsonNode error = badRequest(client.postJson("/videos", "{\"prompt\":\"p\",\"duration\":\"4\"}"), "duration");

        assertThat(error.get("code").asText()).isEqualTo("unknown_parameter");
    }

    @Test
    void malformedJsonIsRejected() {
        badRequest(client.postJson("/videos", "{\"prompt\":"), null);
    }

    @Test
    void jsonInputReferenceTakesExactlyOneOfImageUrlOrFileId() {
        assertThat(client.postJson("/videos",
                "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"https://example.com/a.png\"}}").statusCode())
                .isEqualTo(200);
        assertThat(client.postJson("/videos", "{\"prompt\":\"p\",\"input_reference\":{\"file_id\":\"file-abc\"}}")
                .statusCode()).isEqualTo(200);
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(8, 8));
        assertThat(client.postJson("/videos", "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"" + dataUrl + "\"}}")
                .statusCode()).isEqualTo(200);

        badRequest(client.postJson("/videos",
                "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"https://x/a.png\",\"file_id\":\"file-1\"}}"),
                "input_reference");
        badRequest(client.postJson("/videos", "{\"prompt\":\"p\",\"input_reference\":\"https://x/a.png\"}"),
                "input_reference");
        String notAnImage = "data:image/png;base64," + Base64.getEncoder().encodeToString("hello".getBytes());
        badRequest(client.postJson("/videos", "{\"prompt\":\"p\",\"input_reference\":{\"image_url\":\"" + notAnImage
                + "\"}}"), "input_reference.image_url");
    }

    @Test
    void multipartCreateWithAPngInputReference() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("prompt", "She turns around and smiles");
        form.put("model", "sora-2-pro");
        form.put("seconds", "8");
        form.put("size", "1280x720");
        form.put("input_reference", new TestClient.FilePart("first_frame.png", "image/png", png(1280, 720)));

        HttpResponse<String> response = client.postMultipart("/videos", form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode video = TestClient.json(response);
        assertThat(video.get("model").asText()).isEqualTo("sora-2-pro");
        assertThat(video.get("seconds").asText()).isEqualTo("8");
        assertThat(video.get("size").asText()).isEqualTo("1280x720");
        assertThat(video.get("prompt").asText()).isEqualTo("She turns around and smiles");
        RecordedRequest recorded = emulator.requests("POST", "/v1/videos").get(emulator.requests("POST", "/v1/videos")
                .size() - 1);
        assertThat(recorded.header("Content-Type")).startsWith("multipart/form-data; boundary=");
    }

    @Test
    void multipartInputReferenceMustBeAnImageJudgedByItsBytes() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("prompt", "p");
        // Declared as PNG but the bytes are text: the bytes decide.
        form.put("input_reference", new TestClient.FilePart("fake.png", "image/png", "not an image".getBytes()));

        JsonNode error = badRequest(client.postMultipart("/videos", form), "input_reference");

        assertThat(error.get("message").asText()).contains("image/jpeg").contains("image/png").contains("image/webp");
    }

    @Test
    void multipartAcceptsJpegAndWebpReferences() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10};
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'};
        for (byte[] image : new byte[][] {jpeg, webp}) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("prompt", "p");
            form.put("input_reference", new TestClient.FilePart("ref", "application/octet-stream", image));
            assertThat(client.postMultipart("/videos", form).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void multipartSecondsIsTextSoItIsValidatedAsAString() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("prompt", "p");
        form.put("seconds", "7");

        badRequest(client.postMultipart("/videos", form), "seconds");
    }

    @Test
    void unsupportedContentTypeIsRejected() {
        HttpResponse<String> response = client.send(client.request("/videos").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("prompt=p")).build(),
                HttpResponse.BodyHandlers.ofString());

        badRequest(response, null);
    }

    static byte[] png(int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 0xff0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
