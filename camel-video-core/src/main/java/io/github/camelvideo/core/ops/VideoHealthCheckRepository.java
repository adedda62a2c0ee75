package io.github.camelvideo.core.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRepository;

/**
 * The health checks of one component: one {@link ProviderHealthCheck} per provider connection its endpoints use,
 * shared by every endpoint with the same provider, base URL and credential. Registered with Camel's health-check
 * registry when the component starts (when camel-health is present), under the component's scheme.
 */
public final class VideoHealthCheckRepository implements HealthCheckRepository {

    private final String component;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Entry> checks = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    /** A check and how many endpoints use it. */
    private record Entry(ProviderHealthCheck check, int users) {
    }

    public VideoHealthCheckRepository(String component, Duration interval, Clock clock) {
        this.component = component;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String getId() {
        return component;
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
    public Stream<HealthCheck> stream() {
        return enabled ? checks.values().stream().map(e -> (HealthCheck) e.check()) : Stream.empty();
    }

    /**
     * Adds an endpoint's connection, or counts one more user of the same connection. Nothing is read until the first
     * health call: an application nobody probes makes no request.
     *
     * @param connection what tells connections apart (provider, base URL, credential); never shown
     * @param provider   the provider's name
     * @param baseUrl    where the provider is reached
     * @param probe      the cheap read
     */
    public void add(String connection, String provider, String baseUrl, Supplier<CompletionStage<Void>> probe) {
        checks.compute(connection, (key, known) -> known != null
                ? new Entry(known.check(), known.users() + 1)
                : new Entry(new ProviderHealthCheck(component, checkId(provider), provider, baseUrl, probe,
                        interval, clock), 1));
    }

    /** An endpoint stopped: its connection's check goes when no endpoint uses it. */
    public void remove(String connection) {
        checks.computeIfPresent(connection, (key, known) -> known.users() <= 1 ? null
                : new Entry(known.check(), known.users() - 1));
    }

    private String checkId(String provider) {
        String base = component + "-" + provider;
        String id = base;
        for (int n = 2; idTaken(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean idTaken(String id) {
        return checks.values().stream().anyMatch(e -> e.check().getId().equals(id));
    }
}
