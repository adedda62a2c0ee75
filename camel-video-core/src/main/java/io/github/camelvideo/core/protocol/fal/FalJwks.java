package io.github.camelvideo.core.protocol.fal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.http.JsonApi;

/**
 * The public keys fal signs its webhooks with, read from its JWKS ({@code {"keys": [{"kty": "OKP", "crv": "Ed25519",
 * "x": <base64url>}, ...]}}; keys of other types are skipped) and kept in memory.
 * <p>
 * The webhook receiver's verifier is synchronous (it answers on the HTTP thread), and a verification must never wait
 * for a network call: so the keys are fetched asynchronously, once when push completion starts ({@link #start()}),
 * and refreshed in the background, never on the way of a verification: when they are older than the TTL (the
 * verification that notices goes on with the keys it has), and when a delivery matched none of them (a key rotated
 * in since the last fetch), at most once per {@code minRefreshInterval}, so forged deliveries cannot make this
 * application hammer fal. A delivery refused for want of the new key is sent again by fal (it retries for two hours)
 * and then checked against the refreshed keys. A failed fetch keeps the keys known so far; until a first fetch
 * succeeds no delivery is accepted (jobs are still completed by the safety-net polls).
 */
public final class FalJwks {

    /** fal's documented JWKS address. */
    public static final String DEFAULT_URL = "https://rest.fal.ai/.well-known/jwks.json";
    /** How long fetched keys are used before they are fetched again: well under the day fal allows caching them. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** The least time between two fetches asked for by an unknown key or a failed fetch. */
    public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** The largest JWKS accepted; fal's holds a few keys. */
    static final int MAX_JWKS_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FalJwks.class);
    /** The DER prefix of an X.509 SubjectPublicKeyInfo of an Ed25519 key (RFC 8410), before the 32 raw bytes. */
    private static final byte[] ED25519_X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
            0x21, 0x00};
    private static final int ED25519_KEY_BYTES = 32;

    private final Supplier<CompletionStage<byte[]>> fetcher;
    private final String source;
    private final Clock clock;
    private final Duration ttl;
    private final Duration minRefreshInterval;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile List<PublicKey> keys = List.of();
    private volatile Instant fetchedAt;
    private volatile Instant lastAttempt;

    /**
     * @param fetcher            reads the JWKS document, asynchronously
     * @param source             where it is read from, for log lines
     * @param clock              the time the TTL and the refresh interval are measured on
     * @param ttl                how long fetched keys are used before they are fetched again
     * @param minRefreshInterval the least time between two fetches asked for by an unknown key or a failed fetch
     */
    public FalJwks(Supplier<CompletionStage<byte[]>> fetcher, String source, Clock clock, Duration ttl,
                   Duration minRefreshInterval) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
    }

    /**
     * The keys at {@code url}, read over the engine's HTTP transport (no credentials: the JWKS is public), with the
     * default TTL and refresh interval.
     */
    public static FalJwks over(HttpTransport http, String url, Clock clock) {
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        return new FalJwks(() -> http.send(http.newRequest().uri(uri).header("Accept", "application/json").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(FalJwks::body), url, clock, DEFAULT_TTL,
                DEFAULT_MIN_REFRESH_INTERVAL);
    }

    private static byte[] body(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Starts the first fetch, without waiting for it. */
    public FalJwks start() {
        refresh();
        return this;
    }

    /**
     * The keys known now, never waiting; starts a background refresh when they are older than the TTL (or none was
     * fetched yet and the last try is older than the refresh interval).
     */
    public List<PublicKey> keys() {
        Instant now = clock.instant();
        Instant fetched = fetchedAt;
        if (fetched == null ? allowedAgain(now) : !now.isBefore(fetched.plus(ttl))) {
            refresh();
        }
        return keys;
    }

    /**
     * Tells that a delivery matched none of the keys: they are fetched again in the background, unless a fetch was
     * tried within the refresh interval.
     */
    public void unknownKey() {
        if (allowedAgain(clock.instant())) {
            refresh();
        }
    }

    /** Whether keys were fetched at least once. */
    public boolean loaded() {
        return fetchedAt != null;
    }

    private boolean allowedAgain(Instant now) {
        Instant last = lastAttempt;
        return last == null || !now.isBefore(last.plus(minRefreshInterval));
    }

    /**
     * Fetches the keys unless a fetch is under way.
     *
     * @return the fetch's completion (already complete when one was under way)
     */
    CompletionStage<Void> refresh() {
        if (!fetching.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        lastAttempt = clock.instant();
        CompletionStage<byte[]> fetch;
        try {
            fetch = fetcher.get();
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        return fetch.handle((body, error) -> {
            try {
                if (error != null) {
                    LOG.warn("Could not read fal's webhook keys from {}: {}; keeping the {} key(s) known", source,
                            describe(error), keys.size());
                } else {
                    accept(parse(body));
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read fal's webhook keys from {}: {}; keeping the {} key(s) known", source,
                        describe(e), keys.size());
            } finally {
                fetching.set(false);
            }
            return null;
        });
    }

    private void accept(List<PublicKey> fetched) {
        if (fetched.isEmpty()) {
            throw new IllegalStateException("it holds no Ed25519 key");
        }
        boolean first = fetchedAt == null;
        keys = List.copyOf(fetched);
        fetchedAt = clock.instant();
        if (first) {
            LOG.info("Read {} fal webhook key(s) from {}", fetched.size(), source);
        } else {
            LOG.debug("Refreshed fal's webhook keys from {}: {} key(s)", source, fetched.size());
        }
    }

    /**
     * The Ed25519 keys of a JWKS document.
     *
     * @throws IllegalArgumentException when it is not a JWKS
     */
    static List<PublicKey> parse(byte[] body) {
        if (body == null || body.length > MAX_JWKS_BYTES) {
            throw new IllegalArgumentException("the JWKS is missing or larger than " + MAX_JWKS_BYTES + " bytes");
        }
        JsonNode document;
        try {
            document = JsonApi.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the JWKS is not JSON");
        }
        if (document == null || !document.path("keys").isArray()) {
            throw new IllegalArgumentException("the JWKS has no keys array");
        }
        List<PublicKey> keys = new ArrayList<>();
        for (JsonNode jwk : document.get("keys")) {
            if ("OKP".equals(jwk.path("kty").asText()) && "Ed25519".equals(jwk.path("crv").asText())
                && jwk.path("x").isTextual()) {
                PublicKey key = ed25519(jwk.get("x").asText());
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** The public key of a JWK's {@code x} (base64url, 32 bytes), or {@code null} when it is not one. */
    static PublicKey ed25519(String x) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(x.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != ED25519_KEY_BYTES) {
            return null;
        }
        byte[] der = new byte[ED25519_X509_PREFIX.length + raw.length];
        System.arraycopy(ED25519_X509_PREFIX, 0, der, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(raw, 0, der, ED25519_X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = Failures.unwrap(error);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    }

    @Override
    public String toString() {
        return "FalJwks[" + source + ", " + keys.size() + " key(s)]";
    }
}
