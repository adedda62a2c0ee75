package io.github.camelvideo.core.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;

/** JDK {@link HttpRequest}s as Apache HttpClient 5 requests. */
final class JdkRequests {

    private JdkRequests() {
    }

    /** The request body; the engine's bodies are JSON and multipart documents built in memory. */
    static CompletionStage<byte[]> body(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable error) {
                bytes.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                bytes.complete(out.toByteArray());
            }
        });
        return bytes;
    }

    /** The request with its headers; the body's content type is the request's {@code Content-Type} header. */
    static AsyncRequestProducer producer(HttpRequest request, byte[] body) {
        BasicRequestBuilder builder = BasicRequestBuilder.create(request.method()).setUri(request.uri());
        request.headers().map().forEach((name, values) -> values.forEach(v -> builder.addHeader(name, v)));
        if (body == null) {
            return new BasicRequestProducer(builder.build(), null);
        }
        String type = request.headers().firstValue("Content-Type").orElse(null);
        return new BasicRequestProducer(builder.build(),
                AsyncEntityProducers.create(body, type == null ? null : ContentType.parseLenient(type)));
    }
}
