package io.github.camelvideo.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;

/** Speaks to the Google surfaces of one emulator: Gemini with an API key, Vertex and Storage with a bearer token. */
final class GoogleTestClient {

    static final String GEMINI_MODEL = "veo-3.1-generate-preview";
    static final String VERTEX_MODEL = "veo-3.0-generate-001";
    static final String VERTEX_RESOURCE = "projects/test-project/locations/us-central1/publishers/google/models/";

    private final VideoEmulator emulator;
    private final String apiKey;
    private final String bearer;

    GoogleTestClient(VideoEmulator emulator) {
        this(emulator, "gemini-test-key", "vertex-test-token");
    }

    GoogleTestClient(VideoEmulator emulator, String apiKey, String bearer) {
        this.emulator = emulator;
        this.apiKey = apiKey;
        this.bearer = bearer;
    }

    GoogleTestClient withApiKey(String key) {
        return new GoogleTestClient(emulator, key, bearer);
    }

    GoogleTestClient withBearer(String token) {
        return new GoogleTestClient(emulator, apiKey, token);
    }

    // Gemini API

    private HttpRequest.Builder gemini(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("x-goog-api-key", apiKey);
        }
        return b;
    }

    /** POST {@code /v1beta/models/{model}:predictLongRunning}. */
    HttpResponse<String> geminiCreate(String model, String json) {
        return send(gemini(emulator.geminiBaseUrl() + "/models/" + model + ":predictLongRunning")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates with the default model and returns the operation name. */
    String geminiStart(String json) {
        HttpResponse<String> response = geminiCreate(GEMINI_MODEL, json);
        if (response.statusCode() != 200) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return TestClient.json(response).get("name").asText();
    }

    /** GET {@code /v1beta/{name}}. */
    HttpResponse<String> geminiPoll(String operationName) {
        return geminiGet(emulator.geminiBaseUrl() + "/" + operationName);
    }

    HttpResponse<String> geminiGet(String url) {
        return send(gemini(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of an absolute URL with the API key (if any) and extra headers, not following redirects. */
    HttpResponse<byte[]> geminiGetBytes(String url, String... headers) {
        HttpRequest.Builder b = gemini(url).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The URI of the first sample of a done, successful Gemini operation. */
    String geminiVideoUri(String operationName) {
        JsonNode done = TestClient.json(geminiPoll(operationName));
        JsonNode uri = done.at("/response/generateVideoResponse/generatedSamples/0/video/uri");
        if (uri.isMissingNode()) {
            throw new AssertionError("no video in " + done);
        }
        return uri.asText();
    }

    /** Follows the download redirect by hand (asserting it is a 302) and returns the MP4 bytes. */
    byte[] geminiDownload(String videoUri) {
        HttpResponse<byte[]> redirect = geminiGetBytes(videoUri);
        if (redirect.statusCode() != 302) {
            throw new AssertionError("expected 302, got " + redirect.statusCode() + " "
                    + new String(redirect.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> media = getBytes(redirect.headers().firstValue("location").orElseThrow());
        if (media.statusCode() != 200) {
            throw new AssertionError("download failed: " + media.statusCode());
        }
        return media.body();
    }

    // Vertex AI and Cloud Storage

    private HttpRequest.Builder vertex(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    /** POST {@code /v1/projects/.../models/{model}:{method}}. */
    HttpResponse<String> vertexCall(String model, String method, String json) {
        return send(vertex(emulator.vertexBaseUrl() + "/" + VERTEX_RESOURCE + model + ":" + method)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> vertexCreate(String model, String json) {
        return vertexCall(model, "predictLongRunning", json);
    }

    /** Creates with the default model and returns the operation name. */
    String vertexStart(String json) {
        HttpResponse<String> response = vertexCreate(VERTEX_MODEL, json);
        if (response.statusCode() != 200) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return TestClient.json(response).get("name").asText();
    }

    HttpResponse<String> vertexFetch(String model, String operationName) {
        return vertexCall(model, "fetchPredictOperation", "{\"operationName\":\"" + operationName + "\"}");
    }

    HttpResponse<String> vertexGet(String url) {
        return send(vertex(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of an absolute URL with the bearer token (if any) and extra headers. */
    HttpResponse<byte[]> vertexGetBytes(String url, String... headers) {
        HttpRequest.Builder b = vertex(url).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The JSON API URL of an object, the name URL-encoded as one path segment. */
    String storageUrl(String bucket, String name) {
        return emulator.storageBaseUrl() + "/storage/v1/b/" + bucket + "/o/"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    // Plain HTTP

    HttpResponse<byte[]> getBytes(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return TestClient.HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Media helpers

    /** A small image in {@code format} ("png" or "jpg"). */
    static byte[] image(String format) {
        BufferedImage image = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An SDK-shaped image object: {@code {"bytesBase64Encoded","mimeType"}}. */
    static String pngObject() {
        return "{\"bytesBase64Encoded\":\"" + base64(image("png")) + "\",\"mimeType\":\"image/png\"}";
    }

    /** Duration and size of MP4 bytes. */
    static Mp4Probe probe(byte[] mp4, Path dir) {
        try {
            Path file = Files.createTempFile(dir, "probe", ".mp4");
            Files.write(file, mp4);
            return Mp4Probe.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
