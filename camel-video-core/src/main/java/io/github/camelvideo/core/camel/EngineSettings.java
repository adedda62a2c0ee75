package io.github.camelvideo.core.camel;

import java.time.Duration;

/**
 * Thread and connection limits of an engine. The engine runs {@code 1 + httpThreads + workerThreads} threads of its
 * own plus the HTTP client's I/O and connection dispatcher threads: 15 with the defaults, whatever the number of
 * CPUs or waiting jobs.
 *
 * @param httpThreads         threads running due polls, HTTP work and response handling
 * @param workerThreads       threads on which routes continue after a job completes
 * @param maxConnections      cap on concurrent HTTP requests, and so on open connections
 * @param connectTimeout      time allowed to open a connection
 * @param requestTimeout      time allowed for a response to begin, and the longest silence while it streams
 * @param maxSubmitAttempts   create calls allowed when the first certainly was not accepted
 * @param maxDownloadResumes  times a lost download connection is resumed
 * @param connectionIdleTimeout how long an idle pooled connection may still be reused; kept below the idle timeouts
 *                              of the proxies and load balancers in front of providers
 */
public record EngineSettings(int httpThreads, int workerThreads, int maxConnections, Duration connectTimeout,
                             Duration requestTimeout, int maxSubmitAttempts, int maxDownloadResumes,
                             Duration connectionIdleTimeout) {

    public static final EngineSettings DEFAULT = new EngineSettings(4, 8, 64, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 3, 3, Duration.ofSeconds(30));

    /** The same settings with other thread and connection limits, as a component's options give them. */
    public EngineSettings withLimits(int http, int worker, int connections) {
        return new EngineSettings(http, worker, connections, connectTimeout, requestTimeout, maxSubmitAttempts,
                maxDownloadResumes, connectionIdleTimeout);
    }

    /** The same settings with another idle timeout for pooled connections. */
    public EngineSettings withConnectionIdleTimeout(Duration idleTimeout) {
        return new EngineSettings(httpThreads, workerThreads, maxConnections, connectTimeout, requestTimeout,
                maxSubmitAttempts, maxDownloadResumes, idleTimeout);
    }
}
