package io.github.camelvideo.emulator.fal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;

/**
 * An error of the fal surface in one of fal's two shapes: a request error {@code {"detail": text,
 * "error_type": category}} with the same category in {@code X-Fal-Error-Type}, or a model error
 * {@code {"detail": [{"loc", "msg", "type", ...}]}}.
 */
final class FalError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** fal's envelope for the errors the fault plan injects. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ApiResponse error(int status, String message) {
            return request(status, message, status == 400 ? "bad_request" : null).toResponse();
        }

        @Override
        public ApiResponse serverError(String message) {
            return request(500, message, "internal_error").toResponse();
        }

        @Override
        public ApiResponse serverError() {
            return serverError("Internal server error");
        }

        @Override
        public ApiResponse rateLimited(int retryAfterSeconds) {
            return new FalError(429, "Too many requests: the concurrent request limit of this key was reached.",
                    null, null).toResponse().header("Retry-After", Integer.toString(retryAfterSeconds));
        }

        @Override
        public ApiResponse gatewayTimeout() {
            return request(504, "Request timed out", "request_timeout").toResponse();
        }
    };

    private final int status;
    private final String errorType;
    private final List<Map<String, Object>> items;

    private FalError(int status, String message, String errorType, List<Map<String, Object>> items) {
        super(message);
        this.status = status;
        this.errorType = errorType;
        this.items = items;
    }

    /** A request error: text detail and, when given, its category. */
    static FalError request(int status, String message, String errorType) {
        return new FalError(status, message, errorType, null);
    }

    /** A model error (422) with these items. */
    static FalError model(List<Map<String, Object>> items) {
        return new FalError(422, "Unprocessable Entity", null, List.copyOf(items));
    }

    /** One item of a model error. */
    static Map<String, Object> item(String field, String message, String type) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("loc", List.of("body", field));
        item.put("msg", message);
        item.put("type", type);
        return item;
    }

    ApiResponse toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (items != null) {
            body.put("detail", items);
            return ApiResponse.json(status, body);
        }
        body.put("detail", getMessage());
        if (errorType != null) {
            body.put("error_type", errorType);
        }
        ApiResponse response = ApiResponse.json(status, body);
        return errorType == null ? response : response.header("X-Fal-Error-Type", errorType);
    }
}
