package io.github.camelvideo.core.http;

import java.io.IOException;

import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Remembers whether the client began writing the request. HttpClient calls {@link #sendRequest} when the request's
 * head is handed to the connection; a failure before that means nothing of the request left the client.
 */
final class TrackedRequestProducer implements AsyncRequestProducer {

    private final AsyncRequestProducer delegate;
    private volatile boolean started;

    TrackedRequestProducer(AsyncRequestProducer delegate) {
        this.delegate = delegate;
    }

    /** Whether any part of the request may have been written. */
    boolean started() {
        return started;
    }

    @Override
    public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        started = true;
        delegate.sendRequest(channel, context);
    }

    @Override
    public boolean isRepeatable() {
        return delegate.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
        delegate.failed(cause);
    }

    @Override
    public int available() {
        return delegate.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        delegate.produce(channel);
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }
}
