package io.github.camelvideo.core.protocol.fal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue client's handling of what a server may answer beyond the emulator's happy paths: URLs on another host
 * (never sent the key), status words third-party wrappers describe, a request known by its id only.
 */
class FalQueueTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpTransport http = new HttpTransport(executor, 4, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile Function<String, String> answers;
    private FalQueue queue;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        queue = new FalQueue(http, "fal", "http://127.0.0.1:" + server.getAddress().getPort() + "/queue", "k-1");
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange x) throws IOException {
        paths.add(x.getRequestMethod() + " " + x.getRequestURI().getPath() + " "
                  + x.getRequestHeaders().getFirst("Authorization"));
        byte[] body = answers.apply(x.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void urlsOnAnotherHostAreReplacedByTheQueuesOwnLayout() {
        answers = path -> path.endsWith("/status") ? "{\"status\":\"IN_PROGRESS\"}"
                : "{\"request_id\":\"r-1\",\"status\":\"IN_QUEUE\",\"queue_position\":3,"
                  + "\"status_url\":\"https://elsewhere.example/x/status\","
                  + "\"response_url\":\"https://elsewhere.example/x\"}";

        JobStatus submitted = queue.submit("fal-ai/kling-video/v3/pro/text-to-video", Map.of("prompt", "p"),
                Map.of(FalQueue.MODEL, "kling-v3", FalQueue.SECONDS, "5")).toCompletableFuture().join();
        JobStatus polled = queue.poll(submitted.ref()).toCompletableFuture().join();

        assertThat(submitted.state()).isEqualTo(JobState.QUEUED);
        assertThat(((FalJob) submitted.body()).queuePosition()).isEqualTo(3);
        assertThat(submitted.seconds()).isEqualTo(5);
        assertThat(polled.state()).isEqualTo(JobState.RUNNING);
        assertThat(paths).containsExactly("POST /queue/fal-ai/kling-video/v3/pro/text-to-video Key k-1",
                "GET /queue/fal-ai/kling-video/requests/r-1/status Key k-1");
    }

    @Test
    void failedAndCancelledStatusWordsEndTheJob() {
        JobRef ref = queue.ref("fal-ai/kling-video/v3/pro/text-to-video", "r-2", Map.of());
        answers = path -> "{\"status\":\"FAILED\",\"error\":\"the runner gave up\",\"error_type\":\"runner_disconnected\"}";
        JobStatus failed = queue.poll(ref).toCompletableFuture().join();
        answers = path -> "{\"status\":\"CANCELED\"}";
        JobStatus cancelled = queue.poll(ref).toCompletableFuture().join();

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error().code()).isEqualTo("runner_disconnected");
        assertThat(failed.error().category()).isEqualTo(ErrorCategory.PROVIDER);
        assertThat(cancelled.state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void aCompletedRequestIsReadFromItsResultAndItsVideoFetchedWithoutTheKey() {
        JobRef ref = queue.ref("fal-ai/kling-video/o3/standard/text-to-video", "r-3", Map.of(FalQueue.MODEL, "kling-o3"));
        answers = path -> path.endsWith("/status") ? "{\"status\":\"COMPLETED\"}"
                : "{\"video\":{\"url\":\"https://v3.fal.media/files/out.mp4\",\"content_type\":\"video/mp4\"}}";

        JobStatus done = queue.poll(ref).toCompletableFuture().join();

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.model()).isEqualTo("kling-o3");
        assertThat(queue.downloadSource(done).uri().toString()).isEqualTo("https://v3.fal.media/files/out.mp4");
        assertThat(queue.downloadSource(done).headers()).isEmpty();
        assertThat(paths).containsExactly("GET /queue/fal-ai/kling-video/requests/r-3/status Key k-1",
                "GET /queue/fal-ai/kling-video/requests/r-3 Key k-1");
    }
}
