package io.github.camelvideo.core.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.github.camelvideo.core.job.AsyncPermits;

/**
 * Asynchronous HTTP for every provider: one JDK {@link HttpClient} on an explicit executor, with an explicit cap on
 * concurrent requests (and so on open connections). Requests beyond the cap wait in a queue without holding a thread.
 */
public final class HttpTransport {

    private final HttpClient client;
    private final Executor executor;
    private final AsyncPermits permits;
    private final Duration requestTimeout;

    /**
     * @param executor              runs the client's asynchronous work and response handling
     * @param maxConcurrentRequests cap on requests in flight at once
     * @param connectTimeout        time allowed to open a connection
     * @param requestTimeout        time allowed for a response to begin (downloads: for the headers)
     */
    public HttpTransport(Executor executor, int maxConcurrentRequests, Duration connectTimeout,
                         Duration requestTimeout) {
        // redirects are never followed by the client: downloads follow them themselves, so that credentials
        // are not sent on to another host
        this.client = build(executor, connectTimeout);
        this.executor = executor;
        this.permits = new AsyncPermits(maxConcurrentRequests, executor);
        this.requestTimeout = requestTimeout;
    }

    private static HttpClient build(Executor executor, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 everywhere: predictable connection use, and plain-HTTP test servers need no upgrade dance
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A request builder with the transport's request timeout applied. */
    public HttpRequest.Builder newRequest() {
        return HttpRequest.newBuilder().timeout(requestTimeout);
    }

    /**
     * Sends a request once, without retrying and without following redirects. The returned stage completes on the
     * transport's executor, so every continuation attached to it (status checks, JSON parsing, the next poll's
     * scheduling) runs on the engine's threads.
     * <p>
     * The JDK client itself completes {@code sendAsync} by way of {@code CompletableFuture}'s default executor (a
     * fixed step inside {@code HttpClientImpl}); on a machine whose common pool has fewer than two threads that is a
     * short-lived thread per response, which only forwards the response to this transport's executor. No work of
     * this project runs there.
     */
    public <T> CompletionStage<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return permits.acquire().thenCompose(held -> {
            CompletableFuture<HttpResponse<T>> call;
            try {
                call = client.sendAsync(request, handler);
            } catch (RuntimeException e) {
                permits.release();
                return CompletableFuture.failedFuture(e);
            }
            return call.whenCompleteAsync((r, e) -> permits.release(), executor);
        });
    }
}
