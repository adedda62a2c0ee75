package io.github.camelvideo.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the admin API over HTTP, as a client in another process would: no key, plain JDK HttpClient. */
final class AdminClient {

    private final String rootUrl;

    AdminClient(String rootUrl) {
        this.rootUrl = rootUrl;
    }

    HttpResponse<String> call(String method, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rootUrl + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return GoogleTestClient.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /__emulator/requests} with these query parameters (name, value, name, value...), URL-encoded. */
    JsonNode requests(String... parameters) {
        return ok(call("GET", "/__emulator/requests" + query(parameters)));
    }

    static String query(String... parameters) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    /** {@code GET /__emulator/jobs}: the JSON array. */
    JsonNode jobs() {
        return ok(call("GET", "/__emulator/jobs"));
    }

    private static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("admin call failed: " + response.statusCode() + " " + response.body());
        }
        return TestClient.json(response);
    }
}
