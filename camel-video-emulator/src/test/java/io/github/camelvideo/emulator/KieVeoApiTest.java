package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.camelvideo.emulator.media.Mp4Probe;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kie's Veo 3.1 API as docs.kie.ai describes it, on a clock the test moves. */
class KieVeoApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private VideoEmulator emulator;

    @TempDir
    Path dir;

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
    void aGenerationGoesFromGeneratingToSuccessWithAnEightSecondMp4AndStringTimes() throws Exception {
        String taskId = create("/generate", "{\"prompt\":\"a dog in a park\",\"model\":\"veo3_fast\","
                + "\"aspect_ratio\":\"9:16\",\"seeds\":12345,\"generationType\":\"TEXT_2_VIDEO\"}");
        assertThat(taskId).startsWith("veo_task_");

        JsonNode running = record(taskId);
        assertThat(running.path("successFlag").asInt()).isZero();
        assertThat(running.path("response").isNull()).isTrue();
        assertThat(running.path("createTime").asText()).isEqualTo("2026-12-04 10:00:00");
        clock.advance(Duration.ofSeconds(10));
        JsonNode done = record(taskId);
        assertThat(done.path("successFlag").asInt()).isEqualTo(1);
        assertThat(done.path("completeTime").asText()).isEqualTo("2026-12-04 10:00:10");
        assertThat(done.path("response").path("resolution").asText()).isEqualTo("720p");
        assertThat(done.path("response").path("originUrls")).hasSize(1); // not 16:9
        assertThat(TestClient.JSON.readTree(done.path("paramJson").asText()).path("seeds").asInt()).isEqualTo(12345);

        Mp4Probe video = download(done.path("response").path("resultUrls").get(0).asText());
        assertThat(List.of(video.width(), video.height())).containsExactly(720, 1280);
        assertThat(video.durationSeconds()).isCloseTo(8.0, Offset.offset(0.1));
    }

    @Test
    void bothSpellingsOfTheRatioAreReadAndBadInputIs422() throws Exception {
        String camel = create("/generate", "{\"prompt\":\"a fox\",\"aspectRatio\":\"9:16\"}");
        assertThat(TestClient.JSON.readTree(record(camel).path("paramJson").asText()).path("aspectRatio").asText())
                .isEqualTo("9:16");
        assertThat(status(post("/generate", "{\"prompt\":\"a fox\",\"aspect_ratio\":\"1:1\"}")))
                .isEqualTo(422);
        HttpResponse<String> reference = post("/generate", "{\"prompt\":\"a fox\",\"model\":\"veo3\","
                + "\"imageUrls\":[\"https://example.com/a.png\"],\"generationType\":\"REFERENCE_2_VIDEO\"}");
        assertThat(reference.statusCode()).isEqualTo(422);
        assertThat(reference.body()).contains("REFERENCE_2_VIDEO");
        assertThat(status(post("/generate", "{\"prompt\":\"a fox\",\"generationType\":"
                + "\"FIRST_AND_LAST_FRAMES_2_VIDEO\",\"imageUrls\":[\"https://e.com/1.png\",\"https://e.com/2.png\","
                + "\"https://e.com/3.png\"]}"))).isEqualTo(422);
        assertThat(status(post("/generate", "{\"model\":\"veo3\"}"))).isEqualTo(422);
        assertThat(status(post("/generate", "{\"prompt\":\"a fox\",\"seeds\":7}"))).isEqualTo(422);
        assertThat(status(post("/generate", "{\"prompt\":\"a fox\",\"model\":\"veo9\"}"))).isEqualTo(422);
    }

    @Test
    void the1080pVersionAnswersAnErrorUntilItIsReadyThenItsUrl() throws Exception {
        String taskId = create("/generate", "{\"prompt\":\"a lighthouse\"}");
        assertThat(status(get1080p(taskId))).isEqualTo(400);
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> early = get1080p(taskId);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("1080P is processing");
        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> ready = get1080p(taskId);
        assertThat(ready.statusCode()).isEqualTo(200);
        Mp4Probe video = download(TestClient.JSON.readTree(ready.body()).path("data").path("resultUrl").asText());
        assertThat(List.of(video.width(), video.height())).containsExactly(1920, 1080);
    }

    @Test
    void anExtensionAddsSevenSecondsAndA4kVersionIsATaskOfItsOwn() throws Exception {
        String source = create("/generate", "{\"prompt\":\"a kite\"}");
        assertThat(status(post("/extend", "{\"taskId\":\"" + source + "\",\"prompt\":\"more\"}"))).isEqualTo(422);
        clock.advance(Duration.ofSeconds(10));
        String extended = create("/extend", "{\"taskId\":\"" + source + "\",\"prompt\":\"the kite flies away\"}");
        assertThat(extended).startsWith("veo_extend_task_");
        String fourK = create("/get-4k-video", "{\"taskId\":\"" + source + "\",\"index\":0}");
        assertThat(fourK).startsWith("veo_4k_task_");
        assertThat(create("/get-4k-video", "{\"taskId\":\"" + source + "\",\"index\":0}")).isEqualTo(fourK);
        clock.advance(Duration.ofSeconds(10));

        Mp4Probe longer = download(record(extended).path("response").path("resultUrls").get(0).asText());
        assertThat(longer.durationSeconds()).isCloseTo(15.0, Offset.offset(0.1));
        JsonNode fourKRecord = record(fourK);
        assertThat(fourKRecord.path("successFlag").asInt()).isEqualTo(1);
        assertThat(fourKRecord.path("response").path("resolution").asText()).isEqualTo("4k");
    }

    @Test
    void failuresEndWithTheirFlagAndFaultsAnswerInTheEnvelope() throws Exception {
        emulator.faults().filterJobs(1, List.of("violence"));
        String filtered = create("/generate", "{\"prompt\":\"a fight\"}");
        emulator.faults().failJobs(1, "501", "Generation failed upstream");
        String upstream = create("/generate", "{\"prompt\":\"a crash\"}");
        clock.advance(Duration.ofSeconds(10));
        JsonNode refused = record(filtered);
        assertThat(refused.path("successFlag").asInt()).isEqualTo(2);
        assertThat(refused.path("errorCode").asInt()).isEqualTo(400);
        assertThat(refused.path("errorMessage").asText()).contains("content policies");
        assertThat(record(upstream).path("successFlag").asInt()).isEqualTo(3);

        emulator.faults().refuse("POST", "/kie/api/v1/veo/generate", 1, 402);
        HttpResponse<String> credits = post("/generate", "{\"prompt\":\"a fox\"}");
        assertThat(credits.statusCode()).isEqualTo(402);
        assertThat(TestClient.JSON.readTree(credits.body()).path("code").asInt()).isEqualTo(402);
        emulator.faults().refuse("POST", "/kie/api/v1/veo/generate", 1, 400);
        assertThat(post("/generate", "{\"prompt\":\"a fox\"}").body()).contains("content policies");
        HttpResponse<String> unauthorized = send(HttpRequest.newBuilder(URI.create(emulator.kieBaseUrl()
                + "/api/v1/veo/generate")).header("Authorization", "Bearer other").POST(body("{}")));
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(status(send(authorized("/record-info?taskId=veo_task_none").GET()))).isEqualTo(404);
        clock.advance(Duration.ofDays(15));
        assertThat(status(send(authorized("/record-info?taskId=" + filtered).GET()))).isEqualTo(422);
    }

    @Test
    void aTaskWithACallBackUrlIsAnnouncedInVeosShapeSignedWithTheHmacKey() throws Exception {
        BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Webhook-Signature"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (VideoEmulator signed = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10))
                .kieHmacKey("hmac-1").start()) {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?ref=r1";
            HttpResponse<String> created = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(signed.kieBaseUrl()
                    + "/api/v1/veo/generate")).header("Authorization", "Bearer any").POST(body(
                    "{\"prompt\":\"a fox\",\"callBackUrl\":\"" + url + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String taskId = TestClient.JSON.readTree(created.body()).path("data").path("taskId").asText();
            clock.advance(Duration.ofSeconds(11));
            signed.kieCallbacks().deliverDue();

            String[] callback = received.poll(10, TimeUnit.SECONDS);
            assertThat(callback).isNotNull();
            JsonNode callbackBody = TestClient.JSON.readTree(callback[2]);
            assertThat(callbackBody.path("code").asInt()).isEqualTo(200);
            assertThat(callbackBody.path("data").path("taskId").asText()).isEqualTo(taskId);
            assertThat(callbackBody.path("data").path("info").path("resultUrls")).hasSize(1);
            assertThat(callbackBody.path("data").path("promptJson").isTextual()).isTrue();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("hmac-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(callback[1]).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal((taskId + "."
                    + callback[0]).getBytes(StandardCharsets.UTF_8))));
            // the sender records a delivery once the receiver's answer is back, after the body was read
            await().atMost(Duration.ofSeconds(10)).until(() -> !signed.kieCallbacks().deliveries().isEmpty());
            assertThat(signed.kieCallbacks().deliveries().get(0).eventType()).isEqualTo("success");
        } finally {
            receiver.stop(0);
        }
    }

    private String create(String path, String json) throws Exception {
        HttpResponse<String> response = post(path, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body()).path("data").path("taskId").asText();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(authorized(path).header("Content-Type", "application/json").POST(body(json)));
    }

    private HttpResponse<String> get1080p(String taskId) throws Exception {
        return send(authorized("/get-1080p-video?taskId=" + taskId + "&index=0").GET());
    }

    private JsonNode record(String taskId) throws Exception {
        HttpResponse<String> response = send(authorized("/record-info?taskId=" + taskId).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestClient.JSON.readTree(response.body()).path("data");
    }

    private Mp4Probe download(String url) throws Exception {
        HttpResponse<Path> mp4 = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("out-" + System.nanoTime() + ".mp4")));
        assertThat(mp4.statusCode()).isEqualTo(200);
        return Mp4Probe.of(mp4.body());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.kieBaseUrl() + "/api/v1/veo" + path))
                .header("Authorization", "Bearer kie-key-1");
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
