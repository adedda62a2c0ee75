package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.media.Mp4Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kie's market and upload APIs as docs.kie.ai describes them, on a clock the test moves. */
class KieMarketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private VideoEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).kieKey("kie-key-1")
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aTaskGoesThroughItsStatesToSuccessWithAPlayableMp4NamedInTheResultJsonString(@TempDir Path dir)
            throws Exception {
        JsonNode created = create("{\"model\":\"kling-3.0/video\",\"input\":{\"prompt\":\"a fox\",\"duration\":\"3\","
                + "\"aspect_ratio\":\"9:16\",\"mode\":\"std\",\"sound\":false}}");
        assertThat(created.path("code").asInt()).isEqualTo(200);
        String taskId = created.path("data").path("taskId").asText();
        assertThat(taskId).matches("task_kling-3\\.0_\\d+");

        assertThat(record(taskId).path("state").asText()).isEqualTo("waiting");
        clock.advance(Duration.ofMillis(500));
        assertThat(record(taskId).path("state").asText()).isEqualTo("queuing");
        clock.advance(Duration.ofSeconds(2));
        assertThat(record(taskId).path("state").asText()).isEqualTo("generating");
        clock.advance(Duration.ofSeconds(8));
        JsonNode done = record(taskId);
        assertThat(done.path("state").asText()).isEqualTo("success");
        assertThat(done.path("model").asText()).isEqualTo("kling-3.0/video");
        assertThat(done.path("resultJson").isTextual()).isTrue();
        assertThat(done.path("costTime").asLong()).isEqualTo(10_000);
        assertThat(TestClient.JSON.readTree(done.path("param").asText()).path("input").path("prompt").asText())
                .isEqualTo("a fox");
        String url = TestClient.JSON.readTree(done.path("resultJson").asText()).path("resultUrls").get(0).asText();

        HttpResponse<Path> mp4 = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("out.mp4")));
        assertThat(mp4.statusCode()).isEqualTo(200);
        Mp4Probe probe = Mp4Probe.of(mp4.body());
        assertThat(List.of(probe.width(), probe.height())).containsExactly(720, 1280);
        assertThat(probe.durationSeconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aMissingOrWrongKeyIsRefusedInTheCodeEnvelope() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(emulator.kieBaseUrl()
                + "/api/v1/jobs/createTask")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(emulator.kieBaseUrl()
                + "/api/v1/jobs/createTask")).header("Authorization", "Bearer other")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(List.of(none.statusCode(), wrong.statusCode())).containsOnly(401);
        assertThat(TestClient.JSON.readTree(wrong.body()).path("code").asInt()).isEqualTo(401);
        assertThat(TestClient.JSON.readTree(wrong.body()).path("msg").asText()).isNotBlank();
        assertThat(emulator.jobCount()).isZero();
    }

    @Test
    void faultsAnswerInTheEnvelopeAndInvalidInputIs422() throws Exception {
        emulator.faults().refuse("POST", "/kie/api/v1/jobs/createTask", 1, 402);
        HttpResponse<String> credits = send(authorized("/api/v1/jobs/createTask").POST(body(
                "{\"model\":\"kling-3.0/video\",\"input\":{\"prompt\":\"a fox\"}}")));
        assertThat(credits.statusCode()).isEqualTo(402);
        assertThat(TestClient.JSON.readTree(credits.body()).path("code").asInt()).isEqualTo(402);

        HttpResponse<String> invalid = send(authorized("/api/v1/jobs/createTask").POST(body(
                "{\"model\":\"kling-3.0/video\",\"input\":{\"prompt\":\"a fox\",\"duration\":\"20\"}}")));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(TestClient.JSON.readTree(invalid.body()).path("msg").asText()).contains("input.duration");
        HttpResponse<String> model = send(authorized("/api/v1/jobs/createTask").POST(body(
                "{\"model\":\"kling-9/video\",\"input\":{\"prompt\":\"a fox\"}}")));
        assertThat(model.statusCode()).isEqualTo(422);

        emulator.faults().filterJobs(1, List.of("violence"));
        String taskId = create("{\"model\":\"kling-3.0/video\",\"input\":{\"prompt\":\"a fight\"}}")
                .path("data").path("taskId").asText();
        clock.advance(Duration.ofSeconds(11));
        JsonNode failed = record(taskId);
        assertThat(failed.path("state").asText()).isEqualTo("fail");
        assertThat(failed.path("failMsg").asText()).contains("content policy");
        assertThat(failed.path("resultJson").asText()).isEmpty();
    }

    @Test
    void anUploadAnswersADownloadUrlServingTheBytes() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        HttpResponse<String> upload = send(authorized("/api/file-base64-upload").POST(body(
                "{\"base64Data\":\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                        + "\",\"uploadPath\":\"camel-video\",\"fileName\":\"a.png\"}")));
        assertThat(upload.statusCode()).isEqualTo(200);
        JsonNode data = TestClient.JSON.readTree(upload.body()).path("data");
        assertThat(data.path("mimeType").asText()).isEqualTo("image/png");
        HttpResponse<byte[]> file = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(data.path("downloadUrl")
                .asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.body()).isEqualTo(png);
    }

    @Test
    void aTaskWithACallBackUrlIsAnnouncedThereSignedWithTheHmacKey() throws Exception {
        java.util.concurrent.BlockingQueue<String[]> received = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Webhook-Signature"),
                new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (VideoEmulator signed = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10))
                .kieHmacKey("hmac-1").start()) {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?ref=r1";
            HttpResponse<String> created = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(signed.kieBaseUrl()
                    + "/api/v1/jobs/createTask")).header("Authorization", "Bearer any").POST(body(
                    "{\"model\":\"kling-3.0/video\",\"callBackUrl\":\"" + url
                            + "\",\"input\":{\"prompt\":\"a fox\"}}")).build(), HttpResponse.BodyHandlers.ofString());
            String taskId = TestClient.JSON.readTree(created.body()).path("data").path("taskId").asText();
            clock.advance(Duration.ofSeconds(11));
            signed.kieCallbacks().deliverDue();

            String[] callback = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(callback).isNotNull();
            JsonNode body = TestClient.JSON.readTree(callback[2]);
            assertThat(body.path("code").asInt()).isEqualTo(200);
            assertThat(body.path("data").path("taskId").asText()).isEqualTo(taskId);
            assertThat(body.path("data").path("state").asText()).isEqualTo("success");
            assertThat(body.path("data").path("resultJson").isTextual()).isTrue();
            assertThat(callback[0]).isEqualTo(Long.toString(clock.millis() / 1000));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("hmac-1".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            assertThat(callback[1]).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal((taskId + "."
                    + callback[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } finally {
            receiver.stop(0);
        }
    }

    private JsonNode create(String json) throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/jobs/createTask").POST(body(json)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body());
    }

    private JsonNode record(String taskId) throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/jobs/recordInfo?taskId=" + taskId).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body()).path("data");
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.kieBaseUrl() + path)).header("Authorization",
                "Bearer kie-key-1");
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
