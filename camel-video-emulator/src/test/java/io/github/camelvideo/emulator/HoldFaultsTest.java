package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Held answers and stalled downloads, armed and released through the admin API as a test in another process does:
 * the step is visible (the request recorded, part of the download received) while it waits, and goes on when
 * released.
 */
class HoldFaultsTest {

    private VideoEmulator emulator;
    private TestClient openai;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(Duration.ZERO).start();
        openai = new TestClient(emulator);
        admin = new AdminClient(emulator.rootUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aHeldCreateIsAcceptedAndRecordedBeforeItsAnswerLeaves() throws Exception {
        assertThat(admin.call("POST", "/__emulator/faults/hold-responses"
                + AdminClient.query("method", "POST", "path", "/v1/videos", "times", "1")).statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> answer = TestClient.HTTP.sendAsync(openai.request("/videos")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"held\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(30)).until(() -> waiting("heldResponses") == 1);
        assertThat(admin.requests("method", "POST", "path", "/v1/videos")).hasSize(1)
                .allSatisfy(r -> assertThat(r.get("status").asInt()).isEqualTo(200));
        assertThat(admin.jobs()).hasSize(1);
        assertThat(answer).isNotDone();

        JsonNode released = TestClient.json(admin.call("POST", "/__emulator/faults/release"));

        assertThat(released.get("released").asInt()).isEqualTo(1);
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestClient.json(response).get("id").asText()).isEqualTo(admin.jobs().get(0).get("id").asText());
        assertThat(waiting("heldResponses")).isZero();
        // the rule is used up: the next create is answered at once
        assertThat(openai.create("{\"prompt\":\"not held\"}").get("id")).isNotNull();
    }

    @Test
    void aStalledDownloadSendsItsFirstBytesAndTheRestWhenReleased() throws Exception {
        String id = openai.create("{\"prompt\":\"stalled\"}").get("id").asText();
        byte[] whole = openai.getBytes("/videos/" + id + "/content").body();
        admin.call("POST", "/__emulator/faults/stall-downloads"
                + AdminClient.query("times", "1", "afterBytes", "1000"));

        HttpResponse<InputStream> download = openai.send(openai.request("/videos/" + id + "/content").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = download.body()) {
            byte[] first = body.readNBytes(1000);
            assertThat(first).isEqualTo(java.util.Arrays.copyOf(whole, 1000));
            assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(whole.length);
            assertThat(waiting("stalledDownloads")).isEqualTo(1);

            assertThat(TestClient.json(admin.call("POST", "/__emulator/faults/release")).get("released").asInt())
                    .isEqualTo(1);

            byte[] rest = body.readAllBytes();
            assertThat(rest.length + first.length).isEqualTo(whole.length);
            assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(whole, 1000, whole.length));
        }
        assertThat(waiting("stalledDownloads")).isZero();
    }

    @Test
    void resetReleasesWhatWaitsAndAnUnknownFaultIsRefused() {
        admin.call("POST", "/__emulator/faults/hold-responses" + AdminClient.query("method", "POST", "path",
                "/v1/videos"));
        CompletableFuture<HttpResponse<String>> answer = TestClient.HTTP.sendAsync(openai.request("/videos")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"held\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting("heldResponses") == 1);

        assertThat(admin.call("DELETE", "/__emulator/faults").statusCode()).isEqualTo(200);

        assertThat(answer.join().statusCode()).isEqualTo(200);
        assertThat(admin.call("POST", "/__emulator/faults/explode").statusCode()).isEqualTo(404);
        assertThat(admin.call("POST", "/__emulator/faults/hold-responses").body()).contains("Missing 'method'");
        assertThat(admin.call("PUT", "/__emulator/faults").statusCode()).isEqualTo(405);
    }

    private int waiting(String what) {
        return TestClient.json(admin.call("GET", "/__emulator/faults")).get(what).asInt();
    }
}
