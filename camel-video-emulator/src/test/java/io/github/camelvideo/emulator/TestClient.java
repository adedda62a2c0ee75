package io.github.camelvideo.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JDK HttpClient wrapper speaking to one emulator. */
final class TestClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String key;

    TestClient(VideoEmulator emulator) {
        this(emulator.baseUrl(), "sk-test-key-0123456789");
    }

    TestClient(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST multipart/form-data; values are String (text field) or {@link FilePart}. */
    HttpResponse<String> postMultipart(String path, Map<String, Object> fields) {
        String boundary = "----emulator-test-boundary-7d1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
            if (value instanceof FilePart file) {
                head.append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                        .append(file.filename()).append("\"\r\nContent-Type: ").append(file.contentType()).append("\r\n\r\n");
                body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file.data());
            } else {
                head.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value);
                body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a video with JSON and returns the Video object. */
    JsonNode create(String json) {
        HttpResponse<String> response = postJson("/videos", json);
        if (response.statusCode() != 200) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    JsonNode retrieve(String id) {
        return json(get("/videos/" + id));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("data").forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record FilePart(String filename, String contentType, byte[] data) {
    }
}
