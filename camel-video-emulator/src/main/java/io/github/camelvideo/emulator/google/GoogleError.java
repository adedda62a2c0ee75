package io.github.camelvideo.emulator.google;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;

/**
 * An error in Google's JSON envelope {@code {"error":{"code","message","status"}}}, with the
 * optional {@code details} (google.rpc error details) and {@code errors} (Cloud Storage's
 * legacy list) the real services add.
 */
final class GoogleError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Errors of every Google surface, for the fault plan and the download responder. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ApiResponse error(int status, String message) {
            return new GoogleError(status, message).toResponse();
        }

        @Override
        public ApiResponse serverError(String message) {
            return new GoogleError(500, message).toResponse();
        }

        @Override
        public ApiResponse serverError() {
            return internal().toResponse();
        }

        @Override
        public ApiResponse rateLimited(int retryAfterSeconds) {
            return new GoogleError(429, "Resource has been exhausted (e.g. check quota).").toResponse()
                    .header("Retry-After", Integer.toString(retryAfterSeconds));
        }
    };

    private final int status;
    private final transient List<Map<String, Object>> details;
    private final transient List<Map<String, Object>> errors;

    GoogleError(int status, String message) {
        this(status, message, null, null);
    }

    private GoogleError(int status, String message, List<Map<String, Object>> details,
            List<Map<String, Object>> errors) {
        super(message);
        this.status = status;
        this.details = details;
        this.errors = errors;
    }

    /** The google.rpc canonical status name of an HTTP status. */
    static String rpcStatus(int httpStatus) {
        return switch (httpStatus) {
            case 400, 413 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ALREADY_EXISTS";
            case 416 -> "OUT_OF_RANGE";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 500 -> "INTERNAL";
            case 503 -> "UNAVAILABLE";
            default -> "UNKNOWN";
        };
    }

    int status() {
        return status;
    }

    ApiResponse toResponse() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", getMessage());
        if (errors != null) {
            error.put("errors", errors);
        }
        error.put("status", rpcStatus(status));
        if (details != null) {
            error.put("details", details);
        }
        return ApiResponse.json(status, Map.of("error", error));
    }

    static GoogleError invalidArgument(String message) {
        return new GoogleError(400, message);
    }

    static GoogleError notFound(String message) {
        return new GoogleError(404, message);
    }

    static GoogleError permissionDenied(String message) {
        return new GoogleError(403, message);
    }

    static GoogleError internal() {
        return new GoogleError(500, "Internal error encountered.");
    }

    /** Gemini API without any key. */
    static GoogleError apiKeyMissing() {
        return permissionDenied("Method doesn't allow unregistered callers (callers without established identity)."
                + " Please use API Key or other form of API consumer identity to call this API.");
    }

    /** Gemini API with a key that is not the configured one. */
    static GoogleError apiKeyInvalid() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "API_KEY_INVALID");
        info.put("domain", "googleapis.com");
        info.put("metadata", Map.of("service", "generativelanguage.googleapis.com"));
        return new GoogleError(400, "API key not valid. Please pass a valid API key.", List.of(info), null);
    }

    /** Vertex AI or Cloud Storage without a valid OAuth bearer token. */
    static GoogleError unauthenticated() {
        return new GoogleError(401, "Request had invalid authentication credentials. Expected OAuth 2 access token,"
                + " login cookie or other valid authentication credential. See"
                + " https://developers.google.com/identity/sign-in/web/devconsole-project.");
    }

    /** Cloud Storage's missing object, with its legacy {@code errors} list. */
    static GoogleError noSuchObject(String bucket, String name) {
        String message = "No such object: " + bucket + "/" + name;
        Map<String, Object> legacy = new LinkedHashMap<>();
        legacy.put("message", message);
        legacy.put("domain", "global");
        legacy.put("reason", "notFound");
        return new GoogleError(404, message, null, List.of(legacy));
    }
}
