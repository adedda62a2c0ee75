package io.github.camelvideo.core.ops;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoServerException;

/**
 * The readiness of one provider connection (a provider, a base URL and a credential): DOWN when the provider refuses
 * the credentials, cannot be reached or answers with a server error, UP otherwise. The check makes one cheap read
 * that is never billed ({@link io.github.camelvideo.core.spi.VideoProvider#checkAccess}) at most once per interval:
 * a call returns the last result at once and starts a new read in the background when the last one is older than the
 * interval. Only before the first result does a call wait for it, for a short moment.
 */
public final class ProviderHealthCheck implements HealthCheck {

    /** How long a call waits for the very first result before it answers UNKNOWN. */
    static final Duration FIRST_RESULT_WAIT = Duration.ofSeconds(2);
    /** A read still unanswered after this long counts as unreachable. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final String group;
    private final String id;
    private final String provider;
    private final String baseUrl;
    private final Supplier<CompletionStage<Void>> probe;
    private final Duration interval;
    private final Clock clock;
    private final AtomicReference<CompletableFuture<Probe>> inFlight = new AtomicReference<>();
    private volatile Probe last;
    private volatile boolean enabled = true;

    /**
     * @param group    the component's scheme
     * @param id       the check's id, unique in the context
     * @param provider the provider's name, for the messages
     * @param baseUrl  where the provider is reached (never holds a credential)
     * @param probe    the cheap read
     * @param interval the least time between two reads
     */
    public ProviderHealthCheck(String group, String id, String provider, String baseUrl,
                               Supplier<CompletionStage<Void>> probe, Duration interval, Clock clock) {
        this.group = group;
        this.id = id;
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.probe = probe;
        this.interval = interval;
        this.clock = clock;
    }

    /** The result of one read. */
    record Probe(State state, String message, Throwable error, Instant at) {
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false; // a provider that is down does not make the application need a restart
    }

    @Override
    public Result call(Map<String, Object> options) {
        CompletableFuture<Probe> refreshing = refreshIfDue();
        Probe result = last;
        if (result == null && refreshing != null) {
            result = firstResult(refreshing);
        }
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.details(details(result));
        if (result == null) {
            return builder.unknown().message("Checking " + provider + " at " + baseUrl).build();
        }
        builder.state(result.state()).message(result.message());
        if (result.error() != null) {
            builder.error(result.error());
        }
        return builder.build();
    }

    /** Starts a read unless one is running or the last result is recent. */
    CompletableFuture<Probe> refreshIfDue() {
        CompletableFuture<Probe> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Probe known = last;
        if (known != null && known.at().plus(interval).isAfter(clock.instant())) {
            return null;
        }
        CompletableFuture<Probe> next = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, next)) {
            return inFlight.get();
        }
        start().whenComplete((probed, error) -> {
            last = probed;
            inFlight.set(null);
            next.complete(probed);
        });
        return next;
    }

    private CompletableFuture<Probe> start() {
        CompletionStage<Void> read;
        try {
            read = probe.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(classify(e));
        }
        return read.toCompletableFuture().orTimeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, error) -> classify(error));
    }

    private static Probe firstResult(CompletableFuture<Probe> refreshing) {
        try {
            return refreshing.get(FIRST_RESULT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null; // answered UNKNOWN now; the read goes on and the next call sees it
        }
    }

    /** What a read's outcome says about the connection. */
    Probe classify(Throwable error) {
        Instant now = clock.instant();
        if (error == null) {
            return new Probe(State.UP, provider + " at " + baseUrl + " accepted the credentials", null, now);
        }
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof VideoAuthenticationException) {
            return new Probe(State.DOWN, provider + " at " + baseUrl + " refused the credentials: "
                                         + cause.getMessage(), cause, now);
        }
        if (cause instanceof TimeoutException || cause instanceof IOException
            || cause instanceof VideoServerException vse && vse.getStatus() == 0) {
            return new Probe(State.DOWN, provider + " at " + baseUrl + " cannot be reached: " + cause.getMessage(),
                    cause, now);
        }
        if (cause instanceof VideoServerException) {
            return new Probe(State.DOWN, provider + " at " + baseUrl + " is unavailable: " + cause.getMessage(),
                    cause, now);
        }
        // it answered and did not refuse the credentials (a rate limit, an unknown model): reachable and usable
        return new Probe(State.UP, provider + " at " + baseUrl + " answered: " + cause.getMessage(), null, now);
    }

    private Map<String, Object> details(Probe result) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider);
        details.put("baseUrl", baseUrl);
        details.put("interval", interval.toString());
        if (result != null) {
            details.put("checkedAt", result.at().toString());
        }
        return details;
    }

    @Override
    public String toString() {
        return "ProviderHealthCheck[" + id + "]";
    }
}
