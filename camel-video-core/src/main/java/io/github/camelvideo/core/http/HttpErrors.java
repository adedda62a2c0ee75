package io.github.camelvideo.core.http;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Set;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;

/**
 * Turns an HTTP error response into the matching exception, by status and by the envelope's code (Google's status
 * words such as RESOURCE_EXHAUSTED mean the same whatever the HTTP status).
 */
public final class HttpErrors {

    /** Codes that mean bad credentials whatever the status (Google answers a wrong API key with 400). */
    private static final Set<String> AUTH_CODES = Set.of("API_KEY_INVALID", "UNAUTHENTICATED", "PERMISSION_DENIED");

    private HttpErrors() {
    }

    /**
     * @param provider provider name
     * @param jobId    the job concerned, or {@code null}
     * @param status   HTTP status (400 or more)
     * @param headers  response headers (for Retry-After)
     * @param error    the parsed envelope
     */
    public static VideoException toException(String provider, String jobId, int status, HttpHeaders headers,
                                             ApiError error) {
        String message = provider + " answered HTTP " + status
                         + (error.code() != null ? " [" + error.code() + "]" : "") + ": " + error.message();
        if (status == 401 || status == 403 || (error.code() != null && AUTH_CODES.contains(error.code()))) {
            return new VideoAuthenticationException(message, provider, jobId, error.code());
        }
        if (status == 429 || "RESOURCE_EXHAUSTED".equals(error.code())) {
            return new VideoRateLimitedException(message, provider, jobId, error.code(),
                    ServerHints.retryAfter(headers, Instant.now()).orElse(null));
        }
        if (status == 408 || status == 409 || status >= 500) {
            return new VideoServerException(message, provider, jobId, error.code(), status, null);
        }
        return new VideoRequestInvalidException(message, error.param(), provider, jobId, error.code(), null);
    }
}
