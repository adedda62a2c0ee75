package io.github.camelvideo.kling.nativeapi;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.http.ServerHints;

/**
 * Kling's service codes, read from the {@code {code, message, request_id}} envelope of an answer, turned into the
 * engine's typed exceptions. The code decides, not the HTTP status, because Kling gives every code its status but
 * a gateway may not: 1000–1004 refuse the token, 1100–1102 the account's credits (1102: resource pack depleted or
 * expired), 1103 and 1304 access, 1300–1301 content, 1302–1303 the rate and the concurrency of tasks, 1200–1203 the
 * request, 5000 and above the server.
 */
final class KlingErrors {

    /** Token not valid yet ({@code nbf} in the future). */
    static final int TOKEN_NOT_YET_VALID = 1003;
    /** Token expired. */
    static final int TOKEN_EXPIRED = 1004;
    /** The wait Kling advises before sending again after 1302/1303: at least a second. */
    static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(1);

    private static final int MAX_MESSAGE = 500;

    private KlingErrors() {
    }

    /**
     * One error answer.
     *
     * @param httpStatus the HTTP status
     * @param code       Kling's service code, or 0 when the body is not Kling's envelope
     * @param message    the message (or a summary of a body that is not the envelope)
     * @param requestId  Kling's request id, or {@code null}
     */
    record Answer(int httpStatus, int code, String message, String requestId) {
    }

    /** Reads an error answer; a body that is not Kling's envelope is summarised as text. */
    static Answer parse(int status, byte[] body) {
        try {
            JsonNode json = JsonApi.MAPPER.readTree(body);
            if (json != null && json.path("code").isNumber()) {
                return new Answer(status, json.path("code").asInt(), limit(json.path("message").asText("")),
                        json.path("request_id").isTextual() ? json.path("request_id").asText() : null);
            }
        } catch (IOException | RuntimeException notJson) {
            // a gateway or proxy answered
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        return new Answer(status, 0, limit("HTTP " + status + ": " + text), null);
    }

    /** The exception of a failed call. */
    static VideoException toException(String provider, String jobId, Answer a, HttpHeaders headers) {
        int code = a.code();
        String providerCode = code == 0 ? null : Integer.toString(code);
        String message = provider + " answered HTTP " + a.httpStatus() + (code == 0 ? "" : " [" + code + "]") + ": "
                         + a.message() + (a.requestId() == null ? "" : " (request_id " + a.requestId() + ")");
        if (code >= 1000 && code <= 1004 || code == 1103 || code == 1304
            || code == 0 && (a.httpStatus() == 401 || a.httpStatus() == 403)) {
            return new VideoAuthenticationException(message, provider, jobId, providerCode);
        }
        if (code >= 1100 && code <= 1102) {
            return new VideoBudgetExceededException(message, provider, jobId, providerCode);
        }
        if (code == 1300 || code == 1301) {
            return new VideoContentPolicyException(message, provider, jobId, providerCode, List.of(a.message()));
        }
        if (code == 1302 || code == 1303 || code == 0 && a.httpStatus() == 429) {
            Duration hint = headers == null ? null : ServerHints.retryAfter(headers, Instant.now()).orElse(null);
            return new VideoRateLimitedException(message, provider, jobId, providerCode,
                    hint != null ? hint : RATE_LIMIT_BACKOFF);
        }
        if (code >= 5000 || code == 0 && (a.httpStatus() >= 500 || a.httpStatus() == 408)) {
            return new VideoServerException(message, provider, jobId, providerCode, a.httpStatus(), null);
        }
        return new VideoRequestInvalidException(message, null, provider, jobId, providerCode, null);
    }

    private static String limit(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
