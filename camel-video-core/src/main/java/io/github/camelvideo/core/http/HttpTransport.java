package io.github.camelvideo.core.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import io.github.camelvideo.core.async.AsyncPermits;
import io.github.camelvideo.core.error.RequestNotSentException;

/**
 * Asynchronous HTTP for every provider, with an explicit cap on concurrent requests (and so on open connections).
 * Requests beyond the cap wait in a queue without holding a thread. Callers build JDK {@link HttpRequest}s and read
 * responses through JDK {@link HttpResponse.BodyHandler}s; the exchange itself runs on Apache HttpClient 5's
 * non-blocking I/O reactor (one I/O thread and one connection dispatcher thread per transport), and every response
 * is handed to the transport's executor before anything else sees it.
 * <p>
 * Not the JDK client: its {@code sendAsync} always passes a response on through {@code CompletableFuture}'s default
 * executor, which on a machine with fewer than 3 CPUs starts a new thread per response, and it keeps idle connections
 * for 20 minutes unless a JVM-wide system property says otherwise.
 * <p>
 * Connections do not go stale: a connection idle longer than the idle timeout is never reused (and is closed at the
 * next request), one idle longer than {@link #VALIDATE_AFTER} is checked before reuse, and a connection the server
 * closed while idle is dropped by the I/O reactor as soon as the close arrives. Load balancers and proxies close idle
 * keep-alive connections after seconds to minutes; a request written onto such a connection gets no answer, which
 * for a create means an outcome in doubt. A request that failed before any of it was written is reported as
 * {@link RequestNotSentException}, which the engine may send again.
 */
public final class HttpTransport implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** The default idle timeout: below nginx's 75 s and AWS ALB's 60 s keep-alive timeouts. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A pooled connection idle longer than this is checked before it carries a request. */
    static final Duration VALIDATE_AFTER = Duration.ofSeconds(2);

    private final CloseableHttpAsyncClient client;
    private final Executor executor;
    private final AsyncPermits permits;
    private final Duration requestTimeout;
    private final Duration idleTimeout;
    private final PoolingAsyncClientConnectionManager connections;
    private volatile long lastIdleSweep = System.nanoTime();

    /** A transport with the default idle timeout, {@link #DEFAULT_IDLE_TIMEOUT}. */
    public HttpTransport(Executor executor, int maxConcurrentRequests, Duration connectTimeout,
                         Duration requestTimeout) {
        this(executor, maxConcurrentRequests, connectTimeout, requestTimeout, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param executor              runs the response handling: every stage this transport returns completes there
     * @param maxConcurrentRequests cap on requests in flight at once
     * @param connectTimeout        time allowed to open a connection
     * @param requestTimeout        time allowed for a response to begin, and the longest silence while it streams
     * @param idleTimeout           how long a connection may stay idle in the pool and still be reused
     */
    public HttpTransport(Executor executor, int maxConcurrentRequests, Duration connectTimeout,
                         Duration requestTimeout, Duration idleTimeout) {
        this.executor = executor;
        this.permits = new AsyncPermits(maxConcurrentRequests, executor);
        this.requestTimeout = requestTimeout;
        this.idleTimeout = idleTimeout;
        this.connections = pool(Math.max(1, maxConcurrentRequests), connectTimeout, idleTimeout);
        this.client = build(connections, idleTimeout);
        client.start();
    }

    private static PoolingAsyncClientConnectionManager pool(int maxConnections, Duration connectTimeout,
                                                            Duration idleTimeout) {
        Duration validateAfter = idleTimeout.compareTo(VALIDATE_AFTER) < 0 ? idleTimeout : VALIDATE_AFTER;
        return PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(validateAfter.toMillis()))
                        .build())
                .build();
    }

    private static CloseableHttpAsyncClient build(PoolingAsyncClientConnectionManager connections,
                                                  Duration idleTimeout) {
        String name = "video-http-" + INSTANCES.incrementAndGet();
        TimeValue idle = TimeValue.ofMilliseconds(idleTimeout.toMillis());
        return HttpAsyncClients.custom()
                .setConnectionManager(connections)
                // a released connection expires after the idle timeout, or sooner when the server's Keep-Alive
                // header says so: an expired connection is closed instead of leased
                .setKeepAliveStrategy((response, context) -> {
                    TimeValue server = DefaultConnectionKeepAliveStrategy.INSTANCE
                            .getKeepAliveDuration(response, context);
                    return TimeValue.isPositive(server) && server.compareTo(idle) < 0 ? server : idle;
                })
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setThreadFactory(new DefaultThreadFactory(name, true))
                // HTTP/1.1 everywhere: predictable connection use, and plain-HTTP test servers need no upgrade
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                // redirects are never followed (downloads follow them themselves, so that credentials are not
                // sent on to another host) and nothing is retried here: whether a paid call may be sent again
                // is the engine's decision
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
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
     */
    public <T> CompletionStage<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        closeIdleConnections();
        return permits.acquire().thenCompose(held -> {
            CompletableFuture<HttpResponse<T>> call = new CompletableFuture<>();
            try {
                JdkRequests.body(request).thenAccept(body -> execute(request, body, handler, call))
                        .exceptionally(e -> {
                            call.completeExceptionally(e);
                            return null;
                        });
            } catch (RuntimeException e) {
                call.completeExceptionally(e);
            }
            return call.whenComplete((r, e) -> permits.release());
        });
    }

    /**
     * Closes connections idle longer than the idle timeout, at most twice per timeout and only when there is traffic:
     * no thread of its own (expired connections are never leased in any case; this frees their sockets).
     */
    private void closeIdleConnections() {
        long now = System.nanoTime();
        if (now - lastIdleSweep > idleTimeout.toNanos() / 2) {
            lastIdleSweep = now;
            connections.closeIdle(TimeValue.ofMilliseconds(idleTimeout.toMillis()));
        }
    }

    private <T> void execute(HttpRequest request, byte[] body, HttpResponse.BodyHandler<T> handler,
                             CompletableFuture<HttpResponse<T>> call) {
        HttpClientContext context = HttpClientContext.create();
        Timeout timeout = Timeout.of(request.timeout().orElse(requestTimeout));
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build());
        TrackedRequestProducer producer = new TrackedRequestProducer(JdkRequests.producer(request, body));
        client.execute(producer, new JdkBodyConsumer<>(request, handler), null, context,
                new FutureCallback<HttpResponse<T>>() {
                    @Override
                    public void completed(HttpResponse<T> response) {
                        onExecutor(() -> call.complete(response));
                    }

                    @Override
                    public void failed(Exception error) {
                        Exception mapped = classify(error, producer.started());
                        onExecutor(() -> call.completeExceptionally(mapped));
                    }

                    @Override
                    public void cancelled() {
                        onExecutor(() -> call.completeExceptionally(new IOException("request cancelled")));
                    }
                });
    }

    private void onExecutor(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException stopping) {
            completion.run(); // the engine is stopping: complete here rather than never
        }
    }

    /**
     * A failure before any of the request was written (HttpClient had not begun sending it, or says the request was
     * not executed) is a {@link RequestNotSentException}; other failures are reported as {@link #jdkStyle}.
     *
     * @param started whether HttpClient had begun writing the request
     */
    static Exception classify(Exception error, boolean started) {
        Exception mapped = jdkStyle(error);
        if (mapped instanceof ConnectException || mapped instanceof HttpConnectTimeoutException) {
            return mapped;
        }
        if (error instanceof RequestNotExecutedException || (!started && error instanceof IOException)) {
            return new RequestNotSentException(error);
        }
        return mapped;
    }

    /**
     * Failures as the JDK client reports them, which the engine's retry rules know: a connection that could not be
     * opened is a {@link ConnectException} (certainly not sent), a response that did not come in time an
     * {@link HttpTimeoutException}.
     */
    static Exception jdkStyle(Exception error) {
        if (error instanceof ConnectTimeoutException) {
            HttpConnectTimeoutException e = new HttpConnectTimeoutException(error.getMessage());
            e.initCause(error);
            return e;
        }
        if (error instanceof UnknownHostException) {
            ConnectException e = new ConnectException("Unknown host: " + error.getMessage());
            e.initCause(error);
            return e;
        }
        if (error instanceof SocketTimeoutException) {
            HttpTimeoutException e = new HttpTimeoutException("No response in time: " + error.getMessage());
            e.initCause(error);
            return e;
        }
        return error;
    }

    /** Closes the connections and stops the I/O threads; requests in flight fail. */
    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
