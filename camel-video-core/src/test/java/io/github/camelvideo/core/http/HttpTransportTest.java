package io.github.camelvideo.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.RequestNotSentException;

import static org.assertj.core.api.Assertions.assertThat;

/** The transport's contract: JDK requests and body handlers, completion on its executor, failures as the JDK's. */
class HttpTransportTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "transport-test"));
    private final HttpTransport http = new HttpTransport(executor, 8, Duration.ofSeconds(2),
            Duration.ofMillis(500));
    private HttpServer server;

    @AfterEach
    void stop() {
        http.close();
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }

    @Test
    void responsesArriveOnTheTransportsExecutorWithBodyAndHeaders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            byte[] body = ("echo " + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("X-Answer", "42");
            x.sendResponseHeaders(201, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        HttpResponse<byte[]> response = http.send(http.newRequest().uri(uri("/x"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete((r, e) -> threads.add(Thread.currentThread().getName()))
                .toCompletableFuture().join();

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-answer")).hasValue("42");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("echo hello");
        assertThat(threads).containsExactly("transport-test");
    }

    @Test
    void aRefusedConnectionIsCertainlyNotSent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Throwable e = failure(http.send(http.newRequest().uri(URI.create("http://127.0.0.1:" + closedPort + "/"))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).toCompletableFuture());
        assertThat(Failures.certainlyNotSent(e)).as(e.toString()).isTrue();
    }

    @Test
    void aServerThatNeverAnswersIsAnHttpTimeout() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            // reads the request and never answers
        });
        server.start();
        Throwable e = failure(http.send(http.newRequest().uri(uri("/")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).toCompletableFuture());
        assertThat(e).isInstanceOf(HttpTimeoutException.class);
        assertThat(Failures.certainlyNotSent(e)).isFalse();
    }

    @Test
    void aConnectionIdleLongerThanTheIdleTimeoutIsNotReused() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.List<Integer> clientPorts = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.createContext("/", x -> {
            clientPorts.add(x.getRemoteAddress().getPort());
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        assertThat(portAfterAnIdleSpell(Duration.ofSeconds(30), clientPorts)).as("reused").isIn(clientPorts.get(0));
        clientPorts.clear();
        assertThat(portAfterAnIdleSpell(Duration.ofMillis(200), clientPorts)).as("replaced")
                .isNotEqualTo(clientPorts.get(0));
    }

    /** One request, a quiet spell of 400 ms, another request: the client port the second came from. */
    private int portAfterAnIdleSpell(Duration idleTimeout, java.util.List<Integer> clientPorts) {
        try (HttpTransport transport = new HttpTransport(executor, 1, Duration.ofSeconds(2), Duration.ofSeconds(2),
                idleTimeout)) {
            get(transport);
            org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(400)).until(() -> true);
            get(transport);
        }
        assertThat(clientPorts).hasSize(2);
        return clientPorts.get(1);
    }

    private void get(HttpTransport transport) {
        assertThat(transport.send(transport.newRequest().uri(uri("/")).build(),
                HttpResponse.BodyHandlers.discarding()).toCompletableFuture().join().statusCode()).isEqualTo(204);
    }

    @Test
    void failuresBeforeTheRequestWasWrittenAreNotSentAndLaterOnesAreNot() {
        assertThat(HttpTransport.classify(new ConnectionClosedException("closed"), false))
                .isInstanceOf(RequestNotSentException.class);
        assertThat(HttpTransport.classify(new RequestNotExecutedException(), true))
                .isInstanceOf(RequestNotSentException.class);
        Exception afterWrite = HttpTransport.classify(new ConnectionClosedException("closed by peer"), true);
        assertThat(afterWrite).isInstanceOf(ConnectionClosedException.class);
        assertThat(Failures.certainlyNotSent(afterWrite)).isFalse();
        assertThat(Failures.notWritten(HttpTransport.classify(new ConnectionClosedException("x"), false))).isTrue();
        assertThat(HttpTransport.classify(new ConnectTimeoutException("slow"), false))
                .isInstanceOf(HttpConnectTimeoutException.class);
    }

    @Test
    void aConnectionClosedAfterReadingTheRequestIsNotCertainlyNotSent() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (java.net.Socket s = raw.accept()) {
                    java.io.BufferedReader in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    String line;
                    do { // reads the request head, then closes without answering
                        line = in.readLine();
                    } while (line != null && !line.isEmpty());
                } catch (IOException ignored) {
                    // the client went away
                }
            }, executor);
            Throwable e = failure(http.send(http.newRequest()
                    .uri(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).toCompletableFuture());
            served.join();
            assertThat(e).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            assertThat(Failures.certainlyNotSent(e)).as(e.toString()).isFalse();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return f.handle((v, e) -> Failures.unwrap(e)).join();
    }
}
