package io.github.camelvideo.core.error;

import java.net.ConnectException;

/**
 * The connection failed before any byte of the request was handed to it: a pooled connection the server had already
 * closed, or a connection lost before the request's turn came. The server cannot have seen the request, so even a
 * paid create may be sent again on a fresh connection. A {@link ConnectException} because, like a refused
 * connection, it means the request never reached the server.
 */
public final class RequestNotSentException extends ConnectException {

    private static final long serialVersionUID = 1L;

    public RequestNotSentException(Exception cause) {
        super("The connection closed before the request was sent: " + cause);
        initCause(cause);
    }
}
