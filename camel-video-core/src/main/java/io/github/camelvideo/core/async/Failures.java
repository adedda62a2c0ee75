package io.github.camelvideo.core.async;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.camelvideo.core.error.RequestNotSentException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoServerException;

/** Classifies failures of asynchronous calls. */
public final class Failures {

    private Failures() {
    }

    /** Strips the wrappers {@code CompletableFuture} adds. */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
               && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Whether repeating a safe (read-only) call may succeed: transport errors, 429 and 5xx. */
    public static boolean isTransient(Throwable t) {
        Throwable e = unwrap(t);
        return e instanceof IOException || e instanceof VideoServerException
               || e instanceof VideoRateLimitedException;
    }

    /**
     * Whether the connection failed before any of the request was written (typically a pooled connection the server
     * had closed): safe to send again at once, on a fresh connection.
     */
    public static boolean notWritten(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof VideoServerException && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof RequestNotSentException;
    }

    /**
     * Whether a request certainly never reached the server, so that even a paid create call may be sent again: the
     * connection was refused or could not be opened, or closed before the request was written.
     */
    public static boolean certainlyNotSent(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof VideoServerException && e.getCause() != null) {
            e = e.getCause(); // a transport failure wrapped into the hierarchy
        }
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
               || e instanceof UnresolvedAddressException
               || e.getCause() instanceof UnresolvedAddressException;
    }
}
