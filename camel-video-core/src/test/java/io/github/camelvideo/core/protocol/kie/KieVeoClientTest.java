package io.github.camelvideo.core.protocol.kie;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Veo API client: record shapes, the 1080p and 4k steps after success, and callbacks naming the right job. */
class KieVeoClientTest {

    private static final String SUCCESS = "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_task_1\","
            + "\"successFlag\":1,\"fallbackFlag\":%s,\"response\":{\"resultUrls\":[\"http://x/720.mp4\"],"
            + "\"resolution\":\"720p\"}}}";

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpTransport http = new HttpTransport(executor, 4, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private KieVeo veo;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        veo = new KieVeo(new KieHttp(http, "kie-veo", "k-1"), "http://127.0.0.1:" + server.getAddress().getPort(),
                () -> "http://me/hook?ref=r&token=t");
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        seen.add(x.getRequestMethod() + " " + x.getRequestURI() + " "
                 + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String answer = answers.getOrDefault(path + "?" + x.getRequestURI().getQuery(), answers.get(path));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private JobStatus poll(Map<String, String> attributes) {
        return veo.recordInfo(new JobRef("kie-veo", "veo_task_1", attributes)).toCompletableFuture().join();
    }

    @Test
    void generateNamesTheCallbackAndAFailedRecordKeepsItsCode() throws Exception {
        answers.put("/api/v1/veo/generate", "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_task_1\"}}");
        JobStatus created = veo.generate(Map.of("prompt", "a cat"), Map.of(KieVeo.MODEL, "veo3_fast"))
                .toCompletableFuture().join();
        assertThat(created.state()).isEqualTo(JobState.QUEUED);
        assertThat(created.model()).isEqualTo("veo3_fast");
        JsonNode sent = JsonApi.MAPPER.readTree(seen.get(0).substring(seen.get(0).indexOf('{')));
        assertThat(sent.path("callBackUrl").asText()).isEqualTo("http://me/hook?ref=r&token=t");

        answers.put("/api/v1/veo/record-info", "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_task_1\","
                + "\"successFlag\":3,\"errorCode\":null,\"errorMessage\":\"\"}}");
        JobStatus failed = poll(Map.of());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.status()).isEqualTo("upstream_failed");
        assertThat(failed.error().code()).isEqualTo("upstream_failed");
        answers.put("/api/v1/veo/record-info", "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_task_1\","
                + "\"successFlag\":2,\"errorCode\":400,\"errorMessage\":\"flagged as violating content policies\"}}");
        assertThat(poll(Map.of()).error().category()).isEqualTo(ErrorCategory.CONTENT_POLICY);
    }

    @Test
    void the1080pStepWaitsThroughErrorsAndReadsEitherAnswerShape() {
        answers.put("/api/v1/veo/record-info", SUCCESS.formatted("false"));
        answers.put("/api/v1/veo/get-1080p-video", "{\"code\":400,\"msg\":\"1080P is processing\",\"data\":null}");
        JobStatus pending = poll(Map.of(KieVeo.RESOLUTION, KieVeo.FULL_HD));
        assertThat(pending.state()).isEqualTo(JobState.RUNNING);
        assertThat(pending.status()).isEqualTo("1080p_pending");
        assertThat(seen).anySatisfy(s -> assertThat(s).startsWith("GET /api/v1/veo/get-1080p-video?taskId=veo_task_1"
                                                                   + "&index=0"));

        answers.put("/api/v1/veo/get-1080p-video", "{\"code\":200,\"msg\":\"success\",\"data\":{\"resultUrls\":"
                + "[\"http://x/1080.mp4\"]}}");
        JobStatus done = poll(Map.of(KieVeo.RESOLUTION, KieVeo.FULL_HD));
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(veo.downloadSource(done).uri().toString()).isEqualTo("http://x/1080.mp4");
        assertThat(done.size()).isEqualTo("1080p");

        answers.put("/api/v1/veo/get-1080p-video", "{\"code\":401,\"msg\":\"Unauthorized\",\"data\":null}");
        assertThatThrownBy(() -> poll(Map.of(KieVeo.RESOLUTION, KieVeo.FULL_HD)))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(VideoAuthenticationException.class);
    }

    @Test
    void aFallbackVideoHasNo1080pVersion() {
        answers.put("/api/v1/veo/record-info", SUCCESS.formatted("true"));
        JobStatus failed = poll(Map.of(KieVeo.RESOLUTION, KieVeo.FULL_HD));
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error().code()).isEqualTo("no_1080p");
        assertThat(seen).noneSatisfy(s -> assertThat(s).contains("get-1080p-video"));
    }

    @Test
    void the4kTaskIsAskedForOnceThenReadAndItsCallbackWakesTheJob() {
        answers.put("/api/v1/veo/record-info", SUCCESS.formatted("false"));
        answers.put("/api/v1/veo/get-4k-video", "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":\"veo_4k_1\"}}");
        JobStatus asked = poll(Map.of(KieVeo.RESOLUTION, KieVeo.FOUR_K));
        assertThat(asked.state()).isEqualTo(JobState.RUNNING);
        assertThat(asked.ref().id()).isEqualTo("veo_task_1");
        assertThat(asked.ref().attributes()).containsEntry(KieVeo.FOUR_K_TASK, "veo_4k_1");

        answers.put("/api/v1/veo/record-info?taskId=veo_4k_1", "{\"code\":200,\"msg\":\"success\",\"data\":{\"taskId\":"
                + "\"veo_4k_1\",\"successFlag\":1,\"response\":{\"resultUrls\":[\"http://x/4k.mp4\"]}}}");
        JobStatus done = veo.recordInfo(asked.ref()).toCompletableFuture().join();
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.size()).isEqualTo("4k");
        assertThat(veo.downloadSource(done).uri().toString()).isEqualTo("http://x/4k.mp4");
        assertThat(seen.stream().filter(s -> s.startsWith("POST /api/v1/veo/get-4k-video"))).hasSize(1);

        byte[] callback = ("{\"code\":200,\"msg\":\"4K Video generated successfully.\",\"data\":{\"taskId\":"
                           + "\"veo_4k_1\",\"creditsConsumed\":120,\"info\":{\"resultUrls\":[\"http://x/4k.mp4\"]}}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(veo.events().read(callback).jobId()).isEqualTo("veo_task_1");
        assertThat(KieVeoRecord.of(JsonApi.MAPPER.valueToTree(Map.of("taskId", "t", "successFlag", 1, "info",
                Map.of("resultUrls", List.of("http://x/cb.mp4"))))).videoUrl()).isEqualTo("http://x/cb.mp4");
    }
}
