package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.GEMINI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API through real HTTP, checked against what the emulator records in-process. */
class AdminApiTest {

    private static final String VEO_BODY = "{\"instances\":[{\"prompt\":\"p\"}],\"parameters\":{\"durationSeconds\":4}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private VideoEmulator emulator;
    private TestClient openai;
    private GoogleTestClient google;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).start();
        openai = new TestClient(emulator);
        google = new GoogleTestClient(emulator);
        admin = new AdminClient(emulator.rootUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void countsOfCreatesAndPollsMatchTheInProcessLog() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(openai.create("{\"prompt\":\"job " + i + "\"}").get("id").asText());
        }
        ids.forEach(id -> {
            openai.retrieve(id);
            openai.retrieve(id);
        });
        String operation = google.geminiStart(VEO_BODY);
        google.geminiPoll(operation);
        google.vertexStart(VEO_BODY);

        assertThat(admin.requests("method", "POST", "path", "/v1/videos"))
                .hasSize(emulator.requests("POST", "/v1/videos").size()).hasSize(3);
        assertThat(admin.requests("method", "GET", "path", "/v1/videos/[^/]+"))
                .hasSize(emulator.requests("GET", "/v1/videos/[^/]+").size()).hasSize(6);
        assertThat(admin.requests("method", "post", "path", "/v1beta/models/.*:predictLongRunning"))
                .hasSize(emulator.requests("POST", "/v1beta/models/.*:predictLongRunning").size()).hasSize(1);
        assertThat(admin.requests("method", "GET", "path", "/v1beta/models/[^/]+/operations/[^/]+"))
                .hasSize(emulator.requests("GET", "/v1beta/models/[^/]+/operations/[^/]+").size()).hasSize(1);
        assertThat(admin.requests("surface", "vertex")).hasSize(1);
        assertThat(admin.requests()).hasSize(emulator.requests().size()).hasSize(12);
    }

    @Test
    void eachRecordDescribesTheRequestAndItsSurface() {
        openai.create("{\"prompt\":\"described\"}");
        google.geminiStart(VEO_BODY);

        JsonNode records = admin.requests();

        JsonNode create = records.get(0);
        assertThat(create.get("sequence").asLong()).isEqualTo(1);
        assertThat(create.get("time").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(create.get("surface").asText()).isEqualTo("openai");
        assertThat(create.get("method").asText()).isEqualTo("POST");
        assertThat(create.get("path").asText()).isEqualTo("/v1/videos");
        assertThat(create.get("query").isNull()).isTrue();
        assertThat(create.get("status").asInt()).isEqualTo(200);
        assertThat(create.get("bodySize").asInt()).isEqualTo("{\"prompt\":\"described\"}".length());
        assertThat(create.at("/headers/content-type").asText()).isEqualTo("application/json");
        assertThat(records.get(1).get("surface").asText()).isEqualTo("gemini");
        assertThat(records.get(1).get("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void credentialsShowOnlyAsPresent() {
        openai.create("{\"prompt\":\"p\"}");
        google.geminiStart(VEO_BODY);
        google.withApiKey(null).geminiGet(emulator.geminiBaseUrl() + "/models/" + GEMINI_MODEL
                + "/operations/none?key=query-secret-123");

        HttpResponse<String> response = admin.call("GET", "/__emulator/requests");

        assertThat(response.body()).doesNotContain("sk-test-key-0123456789", "gemini-test-key", "query-secret-123");
        JsonNode records = TestClient.json(response);
        assertThat(records.get(0).at("/headers/authorization").asText()).isEqualTo("[redacted]");
        assertThat(records.get(1).at("/headers/x-goog-api-key").asText()).isEqualTo("[redacted]");
        assertThat(records.get(2).get("query").asText()).isEqualTo("key=[redacted]");
        assertThat(records.get(2).at("/headers/x-goog-api-key").isMissingNode()).isTrue();
    }

    @Test
    void pagesWithSinceAndLimit() {
        for (int i = 0; i < 5; i++) {
            openai.get("/videos");
        }

        JsonNode first = admin.requests("limit", "2");
        long cursor = first.get(1).get("sequence").asLong();
        JsonNode rest = admin.requests("since", Long.toString(cursor));
        HttpResponse<String> empty = admin.call("GET", "/__emulator/requests?since=5");

        assertThat(first).extracting(r -> r.get("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(rest).extracting(r -> r.get("sequence").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(TestClient.json(empty)).isEmpty();
        assertThat(empty.headers().firstValue("X-Emulator-Last-Sequence")).hasValue("5");
    }

    @Test
    void deleteClearsAndNumberingContinues() {
        openai.get("/videos");
        openai.get("/videos");

        HttpResponse<String> cleared = admin.call("DELETE", "/__emulator/requests");
        openai.get("/videos");

        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(cleared).get("cleared").asInt()).isEqualTo(2);
        assertThat(emulator.requests()).hasSize(1);
        assertThat(admin.requests()).extracting(r -> r.get("sequence").asLong()).containsExactly(3L);
    }

    @Test
    void listsTheJobsOfEverySurfaceWithTheirState() throws Exception {
        String video = openai.create("{\"prompt\":\"p\",\"seconds\":\"8\"}").get("id").asText();
        clock.advance(Duration.ofSeconds(1));
        String operation = google.geminiStart(VEO_BODY);
        clock.advance(Duration.ofSeconds(9));

        JsonNode jobs = admin.jobs();

        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).get("id").asText()).isEqualTo(video);
        assertThat(jobs.get(0).get("surface").asText()).isEqualTo("openai");
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("completed");
        assertThat(jobs.get(0).get("seconds").asInt()).isEqualTo(8);
        assertThat(jobs.get(0).get("created").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(jobs.get(0).get("finished").asText()).isEqualTo("2026-11-21T10:00:10Z");
        assertThat(jobs.get(0).get("requestDigest").asText()).isEqualTo("sha256:"
                + sha256("{\"prompt\":\"p\",\"seconds\":\"8\"}"));
        assertThat(jobs.get(1).get("requestDigest").asText()).isEqualTo("sha256:" + sha256(VEO_BODY));
        assertThat(jobs.get(1).get("id").asText()).isEqualTo(operation);
        assertThat(jobs.get(1).get("surface").asText()).isEqualTo("gemini");
        assertThat(jobs.get(1).get("state").asText()).isEqualTo("running");
        assertThat(jobs.get(1).get("model").asText()).isEqualTo(GEMINI_MODEL);
        assertThat(jobs.get(1).get("finished").isNull()).isTrue();
        assertThat(emulator.jobs()).hasSize(2);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void adminCallsNeedNoKeyAndAreNotRecorded() {
        admin.requests();
        admin.jobs();

        HttpResponse<String> unknown = admin.call("GET", "/__emulator/nothing");
        HttpResponse<String> badRegex = admin.call("GET", "/__emulator/requests?path=%5B");
        HttpResponse<String> badMethod = admin.call("POST", "/__emulator/jobs");

        assertThat(emulator.requests()).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badRegex.statusCode()).isEqualTo(400);
        assertThat(badRegex.body()).contains("Invalid 'path'");
        assertThat(badMethod.statusCode()).isEqualTo(405);
    }

    @Test
    void providerPathsAreUntouched() {
        // Without the trailing slash the path is no admin path: OpenAI answers it, as any unknown route.
        HttpResponse<String> notAdmin = openai.send(HttpRequest.newBuilder(URI.create(emulator.rootUrl() + "/__emulator"))
                .header("Authorization", "Bearer k").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(notAdmin.statusCode()).isEqualTo(404);
        assertThat(notAdmin.body()).contains("invalid_request_error");
        assertThat(emulator.requests()).hasSize(1);
    }
}
