package io.github.camelvideo.core.protocol.fal;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.http.ServerHints;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;

/**
 * fal's error taxonomy: the two body shapes read into a {@link FalError}, a failed call turned into the engine's
 * typed exceptions, and a request that completed with an error turned into the job's {@link JobError}.
 */
public final class FalErrors {

    /** The response header carrying a request error's category. */
    public static final String ERROR_TYPE_HEADER = "X-Fal-Error-Type";

    private static final int MAX_MESSAGE = 500;

    private FalErrors() {
    }

    /** Reads an error answer; a body in neither of fal's shapes is summarised as text. */
    public static FalError parse(int status, HttpHeaders headers, byte[] body) {
        String headerType = headers == null ? null : headers.firstValue(ERROR_TYPE_HEADER).orElse(null);
        try {
            JsonNode json = JsonApi.MAPPER.readTree(body);
            JsonNode detail = json == null ? null : json.get("detail");
            if (detail != null && detail.isArray()) {
                List<FalError.Item> items = new ArrayList<>();
                detail.forEach(item -> items.add(item(item)));
                String type = headerType != null ? headerType : items.isEmpty() ? null : items.get(0).type();
                return new FalError(status, type, limit(messages(items)), items, true);
            }
            if (detail != null && detail.isTextual()) {
                String type = json.path("error_type").isTextual() ? json.path("error_type").asText() : headerType;
                return new FalError(status, type, limit(detail.asText()), List.of(), true);
            }
        } catch (IOException | RuntimeException notJson) {
            // not one of fal's shapes: a gateway or proxy answered
        }
        return new FalError(status, headerType, "HTTP " + status + ": " + snippet(body), List.of(),
                headerType != null);
    }

    private static FalError.Item item(JsonNode item) {
        JsonNode loc = item.path("loc");
        String field = loc.isArray() && !loc.isEmpty() ? loc.get(loc.size() - 1).asText() : null;
        List<String> categories = new ArrayList<>();
        item.path("categories").forEach(c -> categories.add(c.asText()));
        return new FalError.Item(field, item.path("msg").asText(""), item.path("type").isTextual()
                ? item.path("type").asText() : null, categories);
    }

    private static String messages(List<FalError.Item> items) {
        StringBuilder text = new StringBuilder();
        for (FalError.Item i : items) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(i.field() != null ? i.field() + ": " : "").append(i.message());
        }
        return text.toString();
    }

    /**
     * The exception of a failed call (submit, status, result read): 401 and 403 refuse the key, 429 is a rate limit
     * with its Retry-After, a content filter's 422 is a content policy refusal (never worth repeating), another 4xx
     * is a bad request naming the field fal names, and 5xx (504 included) is a server failure, which makes a create
     * in doubt and a read worth repeating.
     *
     * @param jobId the fal request id concerned, or {@code null}
     */
    public static VideoException toException(String provider, String jobId, FalError error, HttpHeaders headers) {
        int status = error.httpStatus();
        String message = provider + " answered HTTP " + status
                         + (error.errorType() != null ? " [" + error.errorType() + "]" : "") + ": " + error.message();
        if (status == 401 || status == 403) {
            return new VideoAuthenticationException(message, provider, jobId, error.errorType());
        }
        if (status == 429) {
            return new VideoRateLimitedException(message, provider, jobId, error.errorType(),
                    headers == null ? null : ServerHints.retryAfter(headers, Instant.now()).orElse(null));
        }
        if (error.isContentPolicy()) {
            return new VideoContentPolicyException(message, provider, jobId, FalError.CONTENT_POLICY_VIOLATION,
                    error.reasons());
        }
        if (status == 408 || status >= 500) {
            return new VideoServerException(message, provider, jobId, error.errorType(), status, null);
        }
        return new VideoRequestInvalidException(message, error.field(), provider, jobId, error.errorType(), null);
    }

    /**
     * Whether an error answer of the result read is the request's own outcome (the model or fal's runner failed it),
     * rather than a failure of the read itself. fal stores a failed request's answer, in one of its shapes, as the
     * result; a gateway's 502, 503 or 504 without fal's body, a 429 or an authentication failure are about the read,
     * which is then repeated after the status is asked again.
     */
    public static boolean isOutcome(FalError error) {
        int status = error.httpStatus();
        if (status == 401 || status == 403 || status == 429) {
            return false;
        }
        return error.falBody() || status < 500;
    }

    /** The job error of a request that completed with an error answer. */
    public static JobError jobError(FalError error) {
        String code = error.errorType() != null ? error.errorType() : "HTTP " + error.httpStatus();
        return new JobError(code, error.message(), category(error), error.isContentPolicy() ? error.reasons() : null);
    }

    private static ErrorCategory category(FalError error) {
        if (error.isContentPolicy()) {
            return ErrorCategory.CONTENT_POLICY;
        }
        if (error.httpStatus() >= 500) {
            return ErrorCategory.PROVIDER; // a runner failure: the same input may succeed later
        }
        return error.httpStatus() == 422 || error.httpStatus() == 400 ? ErrorCategory.INVALID_REQUEST
                : ErrorCategory.UNKNOWN;
    }

    private static String snippet(byte[] body) {
        return body == null ? "" : limit(new String(body, StandardCharsets.UTF_8).strip());
    }

    private static String limit(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
