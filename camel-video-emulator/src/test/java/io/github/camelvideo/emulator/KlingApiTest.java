package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.camelvideo.emulator.media.Mp4Probe;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kling's own API as its reference describes it: JWT checks, the task envelope, progress on a moved clock. */
class KlingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private VideoEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = VideoEmulator.builder().clock(clock).jobDuration(Duration.ofSeconds(10)).klingAccessKey("ak-1")
                .klingSecretKey("sk-1").start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aTaskIsSubmittedThenProcessingThenSucceedsWithAnMp4OfTheRequestedShapeAndLength(@TempDir Path dir)
            throws Exception {
        HttpResponse<String> created = post("/v1/videos/text2video", validToken(),
                "{\"model_name\":\"kling-v3\",\"prompt\":\"a fox\",\"duration\":\"3\",\"aspect_ratio\":\"9:16\","
                + "\"mode\":\"std\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode envelope = JSON.readTree(created.body());
        assertThat(envelope.path("code").asInt()).isZero();
        assertThat(envelope.path("request_id").isTextual()).isTrue();
        String id = envelope.path("data").path("task_id").asText();
        assertThat(envelope.path("data").path("task_status").asText()).isEqualTo("submitted");

        clock.advance(Duration.ofSeconds(2));
        assertThat(read(id).path("task_status").asText()).isEqualTo("processing");
        clock.advance(Duration.ofSeconds(9));
        JsonNode done = read(id);
        assertThat(done.path("task_status").asText()).isEqualTo("succeed");
        JsonNode video = done.path("task_result").path("videos").path(0);
        assertThat(video.path("duration").isTextual()).isTrue();
        assertThat(video.path("duration").asText()).isEqualTo("3");

        HttpResponse<Path> mp4 = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(video.path("url").asText()))
                .build(), HttpResponse.BodyHandlers.ofFile(dir.resolve("out.mp4")));
        assertThat(mp4.statusCode()).isEqualTo(200);
        Mp4Probe probe = Mp4Probe.of(mp4.body());
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertThat(probe.durationSeconds()).isCloseTo(3.0, Offset.offset(0.1));

        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(emulator.klingBaseUrl()
                + "/v1/videos/text2video?pageNum=1&pageSize=10")).header("Authorization", "Bearer " + validToken()));
        assertThat(JSON.readTree(list.body()).path("data").get(0).path("task_id").asText()).isEqualTo(id);
    }

    @Test
    void aMultiShotTaskRendersOneVideoOfTheSummedLength(@TempDir Path dir) throws Exception {
        String id = JSON.readTree(post("/v1/videos/text2video", validToken(),
                "{\"model_name\":\"kling-v3\",\"prompt\":\"\",\"multi_shot\":true,\"shot_type\":\"customize\","
                + "\"multi_prompt\":[{\"index\":1,\"prompt\":\"a fox\",\"duration\":\"2\"},"
                + "{\"index\":2,\"prompt\":\"a hare\",\"duration\":\"3\"}]}").body())
                .path("data").path("task_id").asText();
        clock.advance(Duration.ofSeconds(11));
        JsonNode video = read(id).path("task_result").path("videos").path(0);
        assertThat(video.path("duration").asText()).isEqualTo("5");
        HttpResponse<Path> mp4 = TestClient.HTTP.send(HttpRequest.newBuilder(URI.create(video.path("url").asText()))
                .build(), HttpResponse.BodyHandlers.ofFile(dir.resolve("multi.mp4")));
        assertThat(Mp4Probe.of(mp4.body()).durationSeconds()).isCloseTo(5.0, Offset.offset(0.1));
    }

    @Test
    void expiredNotYetValidBadlySignedOrMissingTokensAreRefusedWith401AndKlingsCodes() throws Exception {
        long now = clock.instant().getEpochSecond();
        String body = "{\"model_name\":\"kling-v3\",\"prompt\":\"a fox\"}";
        assertRefused(post("/v1/videos/text2video", jwt("ak-1", now - 3600, now - 10, "sk-1"), body), 1004);
        assertRefused(post("/v1/videos/text2video", jwt("ak-1", now + 60, now + 1800, "sk-1"), body), 1003);
        assertRefused(post("/v1/videos/text2video", jwt("ak-1", now - 5, now + 1800, "other"), body), 1000);
        assertRefused(post("/v1/videos/text2video", jwt("ak-2", now - 5, now + 1800, "sk-1"), body), 1002);
        assertRefused(send(HttpRequest.newBuilder(URI.create(emulator.klingBaseUrl() + "/v1/videos/text2video"))
                .POST(HttpRequest.BodyPublishers.ofString(body))), 1001);
        assertThat(emulator.jobCount()).isZero();
    }

    @Test
    void aPlannedServiceCodeRefusesTheCreateWithItsHttpStatus() throws Exception {
        emulator.faults().failJobs(1, "1102", "Account balance not enough");
        HttpResponse<String> refused = post("/v1/videos/text2video", validToken(),
                "{\"model_name\":\"kling-v3\",\"prompt\":\"a fox\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).path("code").asInt()).isEqualTo(1102);
        HttpResponse<String> invalid = post("/v1/videos/text2video", validToken(),
                "{\"model_name\":\"kling-v3\",\"prompt\":\"a fox\",\"duration\":5}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("code").asInt()).isEqualTo(1201);
    }

    @Test
    void theTaskIsPostedToItsCallbackUrlWhenItStartsAndWhenItEnds() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        receiver.createContext("/cb", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cb?ref=r1&token=t1";
            String id = JSON.readTree(post("/v1/videos/text2video", validToken(),
                    "{\"model_name\":\"kling-v3\",\"prompt\":\"a fox\",\"callback_url\":\"" + url + "\"}")
                    .body()).path("data").path("task_id").asText();
            clock.advance(Duration.ofSeconds(2));
            emulator.klingCallbacks().deliverDue();
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            clock.advance(Duration.ofSeconds(9));
            emulator.klingCallbacks().deliverDue();
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);

            assertThat(received).extracting(t -> t.path("task_id").asText()).containsOnly(id);
            assertThat(received).extracting(t -> t.path("task_status").asText())
                    .containsExactly("processing", "succeed");
            assertThat(received.get(1).path("task_result").path("videos").path(0).path("url").asText())
                    .contains("/kling-media/");
            // the sender records a delivery once the receiver's answer is back, after the body was read
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.klingCallbacks().deliveries().size() == 2);
            assertThat(emulator.klingCallbacks().deliveries()).extracting(d -> d.status()).containsOnly(204);
        } finally {
            receiver.stop(0);
        }
    }

    private void assertRefused(HttpResponse<String> response, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asInt()).isEqualTo(code);
    }

    private JsonNode read(String id) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(emulator.klingBaseUrl()
                + "/v1/videos/text2video/" + id)).header("Authorization", "Bearer " + validToken()));
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("data");
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(emulator.klingBaseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String validToken() throws Exception {
        long now = clock.instant().getEpochSecond();
        return jwt("ak-1", now - 5, now + 1800, "sk-1");
    }

    static String jwt(String iss, long nbf, long exp, String secret) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(("{\"iss\":\"" + iss + "\",\"exp\":" + exp + ",\"nbf\":" + nbf + "}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return unsigned + "." + b64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
    }
}
