package io.github.camelvideo.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.Surface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the emulator: reads each exchange, gives it to the first surface that serves
 * its path, applies that surface's authentication and the request faults around it (worded in
 * the surface's envelope), records the request and writes the response.
 */
final class HttpFront implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    /** Larger bodies are refused (413) rather than buffered further; real upload limits are far lower. */
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final List<Surface> surfaces;
    private final Faults faults;
    private final RequestLog log;
    private final Clock clock;
    private final AtomicLong arrivals = new AtomicLong();
    private final ConnectionFront connections;

    /**
     * Creates the front.
     *
     * @param surfaces the surfaces in the order they are asked; the last one should serve every path
     */
    HttpFront(List<Surface> surfaces, Faults faults, RequestLog log, Clock clock, ConnectionFront connections) {
        this.surfaces = List.copyOf(surfaces);
        this.connections = connections;
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long arrival = arrivals.incrementAndGet();
        Instant at = clock.instant();
        ApiRequest request = null;
        try {
            request = read(exchange);
            Served served = serve(request);
            ApiResponse response = served.response();
            if (response == null) {
                // Accepted but the answer is lost: close the connection without a response.
                record(arrival, at, request, 0);
                LOG.debug("{} {} -> connection dropped", request.method(), request.path());
                exchange.close();
                return;
            }
            // counted as held before it is recorded: a test that sees the request sees its answer held
            long held = faults.holdIfAsked(served.fault());
            record(arrival, at, request, response.status());
            faults.awaitRelease(held);
            write(exchange, request, response);
            if (faults.takeCloseAfterResponse()) {
                LOG.debug("{} {} -> connection closed after the response", request.method(), request.path());
                connections.closeAfterResponse(exchange.getRemoteAddress());
            }
        } catch (IOException e) {
            LOG.debug("Exchange failed: {}", e.toString());
            if (request == null) {
                record(arrival, at, new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), Map.of(), new byte[0]), 0);
            }
            exchange.close();
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure", e);
            exchange.close();
        }
    }

    /** The response to send (null to drop the connection) and the fault applied after handling, if any. */
    private record Served(ApiResponse response, Faults.HttpFault fault) {
        Served(ApiResponse response) {
            this(response, null);
        }
    }

    private Served serve(ApiRequest request) {
        Surface surface = surfaceFor(request.path());
        if (request.body().length > MAX_BODY) {
            return new Served(surface.errors().error(413, "Request body too large: the limit is " + MAX_BODY
                                                          + " bytes."));
        }
        Optional<ApiResponse> unauthorized = surface.authenticate(request);
        if (unauthorized.isPresent()) {
            return new Served(unauthorized.get());
        }
        Faults.HttpFault before = faults.takeBeforeHandling(request.method(), request.path());
        if (before != null) {
            return new Served(switch (before.kind()) {
                case RATE_LIMIT -> surface.errors().rateLimited(before.retryAfterSeconds());
                case REFUSE -> surface.errors().error(before.retryAfterSeconds(), "Refused by the fault plan");
                default -> surface.errors().serverError();
            });
        }
        ApiResponse response = surface.handle(request);
        if (response.status() / 100 == 2) {
            Faults.HttpFault after = faults.takeAfterAccepting(request.method(), request.path());
            if (after != null) {
                return switch (after.kind()) {
                    case ACCEPT_THEN_DROP -> new Served(null, after);
                    case HOLD_RESPONSE -> new Served(response, after);
                    case ACCEPT_THEN_TIMEOUT -> new Served(surface.errors().gatewayTimeout(), after);
                    default -> new Served(surface.errors().serverError(), after);
                };
            }
        }
        return new Served(response);
    }

    private Surface surfaceFor(String path) {
        for (Surface surface : surfaces) {
            if (surface.serves(path)) {
                return surface;
            }
        }
        throw new IllegalStateException("No surface serves " + path);
    }

    private static ApiRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    private void record(long arrival, Instant at, ApiRequest request, int status) {
        log.add(arrival, new RecordedRequest(at, request.method(), request.path(), request.query(), request.headers(),
                request.body(), status));
    }

    private static void write(HttpExchange exchange, ApiRequest request, ApiResponse response) throws IOException {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("x-request-id", requestId());
        ApiResponse.Body body = response.body();
        long length = body == null ? 0 : body.length();
        LOG.debug("{} {} -> {} ({} bytes)", request.method(), request.path(), response.status(), length);
        // For HttpServer, 0 would mean chunked encoding and -1 means no body.
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
        if (length > 0) {
            OutputStream out = exchange.getResponseBody();
            try {
                body.writeTo(out);
            } catch (ApiResponse.AbortConnection e) {
                LOG.debug("{} {}: {}", request.method(), request.path(), e.getMessage());
                // Closing the exchange with bytes still owed closes the connection.
                exchange.close();
                return;
            }
        }
        exchange.close();
    }

    private static String requestId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
