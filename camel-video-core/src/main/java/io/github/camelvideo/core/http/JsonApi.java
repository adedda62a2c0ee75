package io.github.camelvideo.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelvideo.core.error.VideoServerException;

/**
 * JSON calls to one provider: sends a request, returns successful responses and turns error responses into
 * exceptions. Error bodies in the common {@code {"error": {...}}} envelope (OpenAI's and Google's) are read for the
 * message, the code ({@code code} when it is text, else {@code status}, else {@code type}) and the field at fault.
 */
public final class JsonApi {

    /** Shared mapper: unknown fields are ignored, because providers add fields over time. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final int MAX_MESSAGE = 500;

    private final HttpTransport http;
    private final String provider;

    public JsonApi(HttpTransport http, String provider) {
        this.http = http;
        this.provider = provider;
    }

    public HttpTransport http() {
        return http;
    }

    /**
     * Sends the request; a 2xx response completes the stage, anything else fails it with the matching exception.
     *
     * @param jobId the job concerned, for error messages, or {@code null}
     */
    public CompletionStage<HttpResponse<byte[]>> call(HttpRequest request, String jobId) {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).exceptionally(error -> {
            throw transportFailure(error, jobId);
        }).thenApply(response -> {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            throw HttpErrors.toException(provider, jobId, status, response.headers(),
                    parseError(status, response.body()));
        });
    }

    /**
     * Sends the request and streams a successful body to a temporary file in {@code spoolDirectory}, for responses
     * that may carry whole media inline; error responses fail the stage as {@link #call} does.
     *
     * @return the file holding the body; the caller deletes it
     */
    public CompletionStage<Path> callToFile(HttpRequest request, String jobId, Path spoolDirectory) {
        Path file;
        try {
            Files.createDirectories(spoolDirectory);
            file = spoolDirectory.resolve(".response-" + UUID.randomUUID() + ".part");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        }
        return http.send(request, HttpResponse.BodyHandlers.ofFile(file)).exceptionally(error -> {
            deleteQuietly(file);
            throw transportFailure(error, jobId);
        }).thenApply(response -> {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return file;
            }
            byte[] body = readQuietly(file);
            deleteQuietly(file);
            throw HttpErrors.toException(provider, jobId, status, response.headers(), parseError(status, body));
        });
    }

    private RuntimeException transportFailure(Throwable error, String jobId) {
        return ProviderCalls.transportFailure(error, provider, jobId);
    }

    private static byte[] readQuietly(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024); // an error body; only its start matters
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file in the spool directory; nothing else refers to it
        }
    }

    /** Reads a successful JSON body as the given type. */
    public <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new VideoServerException(provider + " sent a response that is not the expected JSON: "
                                           + snippet(response.body()), provider, null, null,
                    response.statusCode(), e);
        }
    }

    /** Serialises a request body. */
    public static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an error envelope; a body that is not one is summarised as text. */
    public static ApiError parseError(int status, byte[] body) {
        try {
            JsonNode error = MAPPER.readTree(body).path("error");
            if (error.isObject()) {
                String code = error.path("code").isTextual() ? error.path("code").asText()
                        : reason(error) != null ? reason(error)
                        : text(error, "status") != null ? text(error, "status") : text(error, "type");
                return new ApiError(code, limit(error.path("message").asText("")), text(error, "param"));
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the text summary
        }
        return new ApiError(null, "HTTP " + status + ": " + snippet(body), null);
    }

    /** Google's envelope may name a precise reason (such as API_KEY_INVALID) in an ErrorInfo detail. */
    private static String reason(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("reason").isTextual()) {
                return detail.path("reason").asText();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static String snippet(byte[] body) {
        return body == null ? "" : limit(new String(body, StandardCharsets.UTF_8).strip());
    }

    private static String limit(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
