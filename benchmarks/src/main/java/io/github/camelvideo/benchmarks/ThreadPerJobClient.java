package io.github.camelvideo.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Baseline (a): what users write with an SDK's {@code create_and_poll} helper — a thread per job that creates the
 * video (blocking), reads its status and sleeps until it is done, then downloads it. One shared JDK
 * {@link HttpClient}, as an SDK client object is shared.
 */
public final class ThreadPerJobClient implements JobClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobSpec spec;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private HttpClient client;

    public ThreadPerJobClient(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public String approach() {
        return Approach.THREAD_PER_JOB;
    }

    @Override
    public void start() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public void submit(int jobs, JobTally tally) {
        for (int i = 0; i < jobs; i++) {
            String prompt = "Benchmark scene " + i;
            Thread t = new Thread(() -> {
                try {
                    createAndPoll(prompt);
                    tally.completed();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    tally.failed(e);
                } catch (Exception e) {
                    tally.failed(e);
                }
            }, "sdk-job-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void createAndPoll(String prompt) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("model", JobSpec.MODEL, "prompt", prompt,
                "seconds", Integer.toString(JobSpec.SECONDS), "size", JobSpec.SIZE));
        Map<?, ?> video = call(request("/videos").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        String id = (String) video.get("id");
        video = call(request("/videos/" + id).GET().build());
        while (!isFinished(video)) {
            // The baseline sleeps on its own thread between status reads, as SDK helpers such as
            // create_and_poll do; this is the cost being measured (the project itself never sleeps).
            Thread.sleep(spec.sdkPoll().toMillis());
            video = call(request("/videos/" + id).GET().build());
        }
        if (!"completed".equals(video.get("status"))) {
            throw new IOException("Video " + id + " failed: " + video.get("error"));
        }
        if (spec.download()) {
            HttpResponse<Path> file = client.send(request("/videos/" + id + "/content").GET().build(),
                    HttpResponse.BodyHandlers.ofFile(spec.outputDir().resolve(id + ".mp4")));
            if (file.statusCode() != 200) {
                throw new IOException("Download of " + id + " answered " + file.statusCode());
            }
        }
    }

    private static boolean isFinished(Map<?, ?> video) {
        return "completed".equals(video.get("status")) || "failed".equals(video.get("status"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(spec.baseUrl() + path))
                .header("Authorization", "Bearer " + JobSpec.API_KEY);
    }

    private Map<?, ?> call(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode());
        }
        return JSON.readValue(response.body(), Map.class);
    }

    @Override
    public void close() {
        client = null; // the JDK 17 client has no close(); its threads end once it is unreachable
    }
}
