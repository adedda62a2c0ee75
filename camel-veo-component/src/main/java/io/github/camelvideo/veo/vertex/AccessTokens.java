package io.github.camelvideo.veo.vertex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;

import io.github.camelvideo.core.error.VideoAuthenticationException;

/**
 * OAuth2 access tokens for Vertex AI and Cloud Storage: a fixed token, or tokens from Google's auth library (a
 * service-account key, or Application Default Credentials), refreshed before they expire. A refresh is a blocking
 * call inside the auth library, so it runs on the given executor, about once an hour, never on a route thread.
 */
public final class AccessTokens {

    /** The scope Vertex AI and Cloud Storage accept. */
    public static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final String fixedToken;
    private final GoogleCredentials credentials;
    private final Executor executor;
    private CompletableFuture<String> refreshing;

    private AccessTokens(String fixedToken, GoogleCredentials credentials, Executor executor) {
        this.fixedToken = fixedToken;
        this.credentials = credentials;
        this.executor = executor;
    }

    /** A token used as given (it is not refreshed). */
    public static AccessTokens fixed(String token) {
        return new AccessTokens(token, null, null);
    }

    /**
     * Tokens from a service-account key.
     *
     * @param key the key's JSON, or the path of a file holding it
     */
    public static AccessTokens serviceAccount(String key, Executor executor) {
        String trimmed = key.trim();
        try (InputStream in = trimmed.startsWith("{")
                ? new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.UTF_8))
                : Files.newInputStream(Path.of(trimmed))) {
            return fromCredentials(GoogleCredentials.fromStream(in), executor);
        } catch (IOException e) {
            // the message of the library may quote the file name, never the key
            throw new IllegalArgumentException("Invalid serviceAccountKey: not a readable service-account key"
                                               + " (JSON or the path of a JSON file): " + e.getMessage(), e);
        }
    }

    /** Tokens from Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud, the metadata server). */
    public static AccessTokens applicationDefault(Executor executor) {
        try {
            return fromCredentials(GoogleCredentials.getApplicationDefault(), executor);
        } catch (IOException e) {
            throw new UncheckedIOException("No credentials for vertex: set the accessToken or serviceAccountKey"
                                           + " option, or configure Application Default Credentials", e);
        }
    }

    private static AccessTokens fromCredentials(GoogleCredentials credentials, Executor executor) {
        GoogleCredentials scoped = credentials.createScopedRequired()
                ? credentials.createScoped(List.of(CLOUD_PLATFORM)) : credentials;
        return new AccessTokens(null, scoped, executor);
    }

    /** A valid token: the current one, or a fresh one once the refresh completes. */
    public CompletionStage<String> token() {
        String current = current();
        return current != null ? CompletableFuture.completedFuture(current) : refresh();
    }

    /** The current token if it is still valid for a while, else {@code null}. */
    public String current() {
        if (fixedToken != null) {
            return fixedToken;
        }
        AccessToken token = credentials.getAccessToken();
        if (token == null || token.getExpirationTime() == null) {
            return token == null ? null : token.getTokenValue();
        }
        Instant expiry = token.getExpirationTime().toInstant();
        return Instant.now().plus(REFRESH_MARGIN).isBefore(expiry) ? token.getTokenValue() : null;
    }

    private synchronized CompletionStage<String> refresh() {
        if (refreshing == null || refreshing.isDone()) {
            // one refresh at a time, whatever the number of jobs asking
            refreshing = CompletableFuture.supplyAsync(this::refreshNow, executor);
        }
        return refreshing;
    }

    private String refreshNow() {
        try {
            credentials.refresh();
            return credentials.getAccessToken().getTokenValue();
        } catch (IOException e) {
            throw new VideoAuthenticationException("Could not obtain an access token for vertex: "
                                                   + e.getMessage(), "vertex", null, null);
        }
    }

    @Override
    public String toString() {
        return "AccessTokens[" + (fixedToken != null ? "fixed" : credentials.getClass().getSimpleName()) + "]";
    }
}
