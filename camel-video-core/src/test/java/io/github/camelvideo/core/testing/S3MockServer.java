package io.github.camelvideo.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * S3Mock, Adobe's S3-compatible server, run as a separate {@code java -jar} process on a free port with the buckets
 * a test asks for, plain HTTP and its store in a temporary directory. The build copies the server's executable jar to
 * {@code target/s3mock/s3mock-exec.jar} (the system property {@code s3mock.jar} names another one).
 *
 * <p>Objects are read back with plain HTTP GETs (S3Mock checks no signature), so a test sees exactly what was stored
 * without a second S3 client. The server stops with {@link #close()} or, failing that, when the JVM exits.
 */
public final class S3MockServer implements AutoCloseable {

    /** The static credentials a client sends; S3Mock accepts any. */
    public static final String ACCESS_KEY = "s3mock-access-key";
    public static final String SECRET_KEY = "s3mock-secret-key";
    public static final String REGION = "us-east-1";

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private S3MockServer(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /**
     * Starts S3Mock with the given buckets and waits until it answers.
     *
     * @param work    a directory for the server's store and log
     * @param buckets the buckets that exist from the start
     */
    public static S3MockServer start(Path work, String... buckets) throws IOException {
        Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IOException("S3Mock's executable jar is missing at " + jar.toAbsolutePath()
                                  + "; the module's build copies it there (maven-dependency-plugin)");
        }
        int port = freePort();
        Path root = Files.createDirectories(work.resolve("s3mock-store"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                // plain HTTP on server.port; the second, HTTP-only connector takes any free port
                "--server.ssl.enabled=false",
                "--http.port=" + freePort(),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets),
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("s3mock.log").toFile())
                .start();
        S3MockServer server = new S3MockServer(process, port, root);
        // a test JVM that ends without close() (a failed fixture, an interrupted build) takes the server with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "s3mock-stop"));
        server.awaitReady(work.resolve("s3mock.log"));
        return server;
    }

    /** The endpoint a client's {@code uriEndpointOverride} points at. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The stored object, read with a GET; a status other than 200 fails. */
    public HttpResponse<byte[]> get(String bucket, String key) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket + "/" + key))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + bucket + "/" + key + " answered " + response.statusCode() + ": "
                                  + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response;
    }

    /** The bucket's listing (ListObjectsV2 XML), to look for keys. */
    public String list(String bucket) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket + "?list-type=2"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void awaitReady(Path log) {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": "
                                                    + Files.readString(log));
                }
                return answers();
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the server and waits for the process to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The directory S3Mock keeps its objects in. */
    public Path root() {
        return root;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
