package io.github.camelvideo.core.protocol.kie;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The market client's paths, key header, task reads and an error code under HTTP 200. */
class KieMarketClientTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpTransport http = new HttpTransport(executor, 4, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile String answer;
    private KieMarket market;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        market = new KieMarket(new KieHttp(http, "kie-kling", "k-1"),
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange x) throws IOException {
        seen.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Authorization"));
        bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void createsThenReadsTheRecord() {
        answer = "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"task_kling-3.0_1\"}}";
        JobStatus created = market.createTask("kling-3.0/video", Map.of("prompt", "a cat"), null,
                Map.of(KieMarket.SECONDS, "5")).toCompletableFuture().join();
        assertThat(created.ref().id()).isEqualTo("task_kling-3.0_1");
        assertThat(seen.get(0)).isEqualTo("POST /api/v1/jobs/createTask Bearer k-1");

        answer = "{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":\"task_kling-3.0_1\",\"state\":\"success\","
                 + "\"resultJson\":\"{\\\"resultUrls\\\":[\\\"http://x/v.mp4\\\"]}\"}}";
        JobStatus done = market.recordInfo(created.ref()).toCompletableFuture().join();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(seen.get(1)).startsWith("GET /api/v1/jobs/recordInfo?taskId=task_kling-3.0_1 ");
        assertThat(market.downloadSource(done).uri().toString()).isEqualTo("http://x/v.mp4");
    }

    @Test
    void creditsExhaustedUnderHttp200IsTyped() {
        answer = "{\"code\":402,\"msg\":\"Credits insufficient\"}";
        assertThatThrownBy(() -> market.createTask("kling-3.0/video", Map.of(), null, Map.of())
                .toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(VideoBudgetExceededException.class);
    }

    @Test
    void uploadIsNamedByTheBytesRealType() throws Exception {
        answer = "{\"success\":true,\"code\":200,\"msg\":\"ok\",\"data\":{\"downloadUrl\":\"http://f/a.png\"}}";
        KieUploads uploads = new KieUploads(new KieHttp(http, "kie-kling", "k-1"),
                "http://127.0.0.1:" + server.getAddress().getPort());
        byte[] png = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108020000"
                                                        + "00907753de");
        String url = uploads.upload(new io.github.camelvideo.core.media.ImageInput(png,
                io.github.camelvideo.core.media.MediaType.PNG, 1, 1)).toCompletableFuture().join();
        assertThat(url).isEqualTo("http://f/a.png");
        assertThat(seen.get(0)).startsWith("POST /api/file-base64-upload ");
        var sent = io.github.camelvideo.core.http.JsonApi.MAPPER.readTree(bodies.get(0));
        assertThat(sent.path("fileName").asText()).endsWith(".png");
        assertThat(sent.path("base64Data").asText()).startsWith("data:image/png;base64,");
    }
}
