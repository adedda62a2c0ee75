package io.github.camelvideo.core.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLSession;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Feeds an Apache HttpClient 5 response into a JDK {@link HttpResponse.BodySubscriber}, so that callers keep the
 * JDK's body handlers (bytes, files, their own). The body is handed on as it arrives; the JDK subscribers consume
 * each chunk at once (in memory or written to a file), so memory does not grow with the body's size.
 */
final class JdkBodyConsumer<T> implements AsyncResponseConsumer<HttpResponse<T>> {

    private final HttpRequest request;
    private final HttpResponse.BodyHandler<T> handler;
    private volatile HttpResponse.BodySubscriber<T> subscriber;

    JdkBodyConsumer(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        this.request = request;
        this.handler = handler;
    }

    @Override
    public void consumeResponse(org.apache.hc.core5.http.HttpResponse response, EntityDetails entity,
                                HttpContext context, FutureCallback<HttpResponse<T>> callback)
            throws HttpException, IOException {
        int status = response.getCode();
        HttpHeaders headers = headers(response);
        HttpResponse.BodySubscriber<T> body = handler.apply(new Info(status, headers));
        subscriber = body;
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                // the reactor delivers what arrives; the JDK subscribers take every chunk at once
            }

            @Override
            public void cancel() {
                // a subscriber that has read enough (an error body) lets the rest go by
            }
        });
        body.getBody().whenComplete((value, error) -> {
            if (error != null) {
                callback.failed(error instanceof Exception e ? e : new IOException(error));
            } else {
                callback.completed(new Response<>(request, status, headers, value));
            }
        });
        if (entity == null) {
            body.onComplete();
        }
    }

    @Override
    public void informationResponse(org.apache.hc.core5.http.HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing the engine uses
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        channel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) {
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        subscriber.onNext(List.of(ByteBuffer.wrap(chunk)));
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        subscriber.onComplete();
    }

    @Override
    public void failed(Exception cause) {
        HttpResponse.BodySubscriber<T> s = subscriber;
        if (s != null) {
            s.onError(HttpTransport.jdkStyle(cause));
        }
    }

    @Override
    public void releaseResources() {
        // nothing held: the subscriber owns whatever it wrote
    }

    private static HttpHeaders headers(org.apache.hc.core5.http.HttpResponse response) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getHeaders()) {
            map.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private record Response<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
            implements HttpResponse<T> {

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
