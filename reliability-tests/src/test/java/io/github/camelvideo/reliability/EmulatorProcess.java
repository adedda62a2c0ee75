package io.github.camelvideo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import io.github.camelvideo.emulator.EmulatorMain;

/**
 * The standalone emulator in a JVM of its own (its command-line main, {@code --state-dir} in the test's directory,
 * a free port), so it outlives the applications the tests kill; read and steered through its admin API over HTTP.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final ChildJvm jvm;
    private final String rootUrl;

    private EmulatorProcess(ChildJvm jvm, String rootUrl) {
        this.jvm = jvm;
        this.rootUrl = rootUrl;
    }

    /** Starts an emulator whose jobs take {@code jobDuration}, keeping its state in {@code work/emulator-state}. */
    static EmulatorProcess start(Path work, Duration jobDuration) throws IOException, InterruptedException {
        Path log = work.resolve("emulator.log");
        ChildJvm jvm = ChildJvm.start(log, EmulatorMain.class, List.of("--port", "0", "--job-duration",
                Long.toString(jobDuration.toMillis()), "--poll-after-ms", "50", "--state-dir",
                work.resolve("emulator-state").toString()));
        String[] url = new String[1];
        try {
            Awaitility.await("the emulator listening").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
                        url[0] = m.find() ? m.group(1) : null;
                        return url[0] != null || !jvm.isAlive();
                    });
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        if (url[0] == null) {
            throw new IllegalStateException("The emulator did not start: " + Files.readString(log));
        }
        return new EmulatorProcess(jvm, url[0]);
    }

    /** The OpenAI base URL, {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return rootUrl + "/v1";
    }

    /** The OpenAI base URL through {@code host} instead of 127.0.0.1 (the request's Host header names it). */
    String baseUrl(String host) {
        return baseUrl().replace("127.0.0.1", host);
    }

    /** {@code GET /__emulator/requests} with these query parameters (name, value, ...). */
    List<JsonNode> requests(String... parameters) {
        return list(get("/__emulator/requests" + query(parameters)));
    }

    /** The create requests of OpenAI videos recorded so far. */
    List<JsonNode> creates() {
        return requests("method", "POST", "path", "/v1/videos");
    }

    /** The highest request sequence number given so far. */
    long lastSequence() {
        return Long.parseLong(send("GET", "/__emulator/requests?limit=0").headers()
                .firstValue("X-Emulator-Last-Sequence").orElse("0"));
    }

    /** {@code GET /__emulator/jobs}. */
    List<JsonNode> jobs() {
        return list(get("/__emulator/jobs"));
    }

    /** Every OpenAI video through the API's own list ({@code GET /v1/videos}, paged): ids with their prompts. */
    List<JsonNode> videos() {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = read(send("GET", "/v1/videos?order=asc&limit=100" + (after == null ? "" : "&after="
                    + after), true));
            page.get("data").forEach(all::add);
            if (!page.path("has_more").asBoolean() || page.get("data").isEmpty()) {
                return all;
            }
            after = all.get(all.size() - 1).get("id").asText();
        }
    }

    /** The video's content, downloaded now. */
    byte[] content(String id) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request("/v1/videos/" + id + "/content", true).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("content of " + id + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Holds the answers of the next {@code times} create requests (processed and recorded) until released. */
    void holdCreates(int times) {
        post("/__emulator/faults/hold-responses" + query("method", "POST", "path", "/v1/videos", "times",
                Integer.toString(times)));
    }

    /** Holds the answers of the next {@code times} status requests of a video until released. */
    void holdPolls(int times) {
        post("/__emulator/faults/hold-responses" + query("method", "GET", "path", "/v1/videos/[^/]+", "times",
                Integer.toString(times)));
    }

    /** The next {@code times} downloads send {@code afterBytes} bytes and wait until released. */
    void stallDownloads(int times, long afterBytes) {
        post("/__emulator/faults/stall-downloads" + query("times", Integer.toString(times), "afterBytes",
                Long.toString(afterBytes)));
    }

    int heldResponses() {
        return read(get("/__emulator/faults")).get("heldResponses").asInt();
    }

    int stalledDownloads() {
        return read(get("/__emulator/faults")).get("stalledDownloads").asInt();
    }

    /** Releases what waits and removes every fault rule. */
    void resetFaults() {
        check(send("DELETE", "/__emulator/faults"));
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }

    private void post(String path) {
        check(send("POST", path));
    }

    private HttpResponse<String> get(String path) {
        return check(send("GET", path));
    }

    private HttpResponse<String> send(String method, String path) {
        return send(method, path, false);
    }

    private HttpResponse<String> send(String method, String path, boolean authorized) {
        try {
            return HTTP.send(request(path, authorized).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, boolean authorized) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rootUrl + path))
                .timeout(Duration.ofSeconds(60));
        return authorized ? request.header("Authorization", "Bearer " + VideoApplication.API_KEY) : request;
    }

    private static HttpResponse<String> check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("emulator admin call " + response.request().uri() + " answered "
                                            + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(check(response).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> list(HttpResponse<String> response) {
        List<JsonNode> out = new ArrayList<>();
        read(response).forEach(out::add);
        return out;
    }

    private static String query(String... parameters) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            query.append(i == 0 ? "?" : "&").append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
