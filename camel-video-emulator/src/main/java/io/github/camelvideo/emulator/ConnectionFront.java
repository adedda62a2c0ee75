package io.github.camelvideo.emulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's listening socket: relays every client connection to the HTTP server behind it, as a proxy or load
 * balancer in front of a provider does, so that connection faults can be injected where a proxy would cause them:
 * idle keep-alive connections closed after a time, connections closed before the next request is read, fresh
 * connections closed before anything is read. The JDK {@code HttpServer} has no per-server way to do this.
 * <p>
 * A connection is idle when nothing has moved for a while and the last bytes were the server's (a response) or none
 * moved at all; a request the server is still working on is never idle.
 */
final class ConnectionFront implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFront.class);
    private static final long IDLE_CHECK_MS = 20;

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final Faults faults;
    private final ExecutorService pumps;
    private final ScheduledExecutorService idleCheck;
    /** Open links by the local port of their connection to the HTTP server (the server's remote address). */
    private final Map<Integer, Link> links = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong closedByFaults = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    ConnectionFront(InetAddress host, int port, int backlog, InetSocketAddress backend, Faults faults)
            throws IOException {
        this.listener = new ServerSocket(port, backlog, host);
        this.backend = backend;
        this.faults = faults;
        AtomicInteger threads = new AtomicInteger();
        this.pumps = Executors.newCachedThreadPool(r -> daemon(r, "video-emulator-relay-" + threads.incrementAndGet()));
        this.idleCheck = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "video-emulator-idle"));
        idleCheck.scheduleWithFixedDelay(this::closeIdle, IDLE_CHECK_MS, IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
        Thread acceptor = daemon(this::acceptLoop, "video-emulator-accept");
        acceptor.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted since the start. */
    long acceptedConnections() {
        return accepted.get();
    }

    /** Connections closed by a connection fault (idle timeout, close before read) since the start. */
    long closedByFaults() {
        return closedByFaults.get();
    }

    /** Client connections open now. */
    int openConnections() {
        return links.size();
    }

    /**
     * Closes the connection that carried the exchange whose remote address (as the HTTP server sees it) is given,
     * once the server has finished writing to it, before another request is read from it.
     */
    void closeAfterResponse(InetSocketAddress serverSideRemote) {
        Link link = serverSideRemote == null ? null : links.get(serverSideRemote.getPort());
        if (link != null) {
            closedByFaults.incrementAndGet();
            link.endRequests();
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("Accepting a connection failed: {}", e.toString());
                }
                continue;
            }
            accepted.incrementAndGet();
            if (faults.takeCloseBeforeRead()) {
                closedByFaults.incrementAndGet();
                reset(client);
                continue;
            }
            try {
                open(client);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Relay to the HTTP server failed: {}", e.toString());
                closeQuietly(client);
            }
        }
    }

    private void open(Socket client) throws IOException {
        client.setTcpNoDelay(true);
        Socket server = new Socket();
        server.setTcpNoDelay(true);
        server.connect(backend);
        Link link = new Link(client, server);
        links.put(server.getLocalPort(), link);
        pumps.execute(() -> link.pump(client, server, true));
        pumps.execute(() -> link.pump(server, client, false));
    }

    private void closeIdle() {
        Duration limit = faults.idleConnectionTimeout();
        if (limit == null) {
            return;
        }
        long now = System.nanoTime();
        for (Link link : links.values()) {
            if (link.idleFor(now) >= limit.toNanos()) {
                closedByFaults.incrementAndGet();
                LOG.debug("Closing a connection idle for {} ms", Duration.ofNanos(link.idleFor(now)).toMillis());
                link.close();
            }
        }
    }

    /** Closes without reading and with a reset, as a proxy that refuses the connection after accepting it. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // closed anyway below
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // stopping
        }
        links.values().forEach(Link::close);
        idleCheck.shutdownNow();
        pumps.shutdownNow();
    }

    /** One client connection and its connection to the HTTP server. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long lastRequestBytes = System.nanoTime();
        private volatile long lastResponseBytes = lastRequestBytes;
        private volatile boolean requestBytesSeen;
        private volatile boolean requestsEnded;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** How long the connection has been idle, or 0 while a request is with the server. */
        long idleFor(long now) {
            long requestAt = lastRequestBytes;
            long responseAt = lastResponseBytes;
            if (requestBytesSeen && requestAt > responseAt) {
                return 0;
            }
            return now - Math.max(requestAt, responseAt);
        }

        void pump(Socket from, Socket to, boolean request) {
            byte[] buffer = new byte[64 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (request) {
                        if (requestsEnded) {
                            continue; // the server reads nothing more from this connection
                        }
                        requestBytesSeen = true;
                        lastRequestBytes = System.nanoTime();
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (!request) {
                        lastResponseBytes = System.nanoTime();
                    }
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                close();
            }
        }

        /**
         * No further request reaches the server: its side of the link sees the end of the request stream, finishes
         * what it is writing and closes, and the client's connection closes after the last response byte.
         */
        void endRequests() {
            requestsEnded = true;
            try {
                server.shutdownOutput();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                links.remove(server.getLocalPort());
                closeQuietly(client);
                closeQuietly(server);
            }
        }
    }
}
