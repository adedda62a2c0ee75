package io.github.camelvideo.emulator.kie;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;

/**
 * An error in Kie's code envelope, {@code {"code": 402, "msg": "...", "data": null}}; the HTTP status is the code,
 * so clients reading either see the same failure.
 */
final class KieError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kie's envelope for the errors the fault plan injects. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ApiResponse error(int status, String message) {
            return of(status, usualMessage(status, message)).toResponse();
        }

        @Override
        public ApiResponse serverError(String message) {
            return of(500, message).toResponse();
        }

        @Override
        public ApiResponse serverError() {
            return serverError("Server Error: an unexpected error occurred while processing the request");
        }

        @Override
        public ApiResponse rateLimited(int retryAfterSeconds) {
            return of(429, "Rate Limited: the request limit has been exceeded (20 new requests per 10 seconds)")
                    .toResponse().header("Retry-After", Integer.toString(retryAfterSeconds));
        }
    };

    private final int code;

    private KieError(int code, String message) {
        super(message);
        this.code = code;
    }

    static KieError of(int code, String message) {
        return new KieError(code, message);
    }

    /** The wording Kie's documentation gives each code, for faults injected by status alone. */
    private static String usualMessage(int code, String fallback) {
        return switch (code) {
            case 401 -> "Unauthorized: authentication credentials are missing or invalid";
            case 402 -> "Insufficient Credits: the account does not have enough credits to perform the operation";
            case 404 -> "Not Found: the requested resource or endpoint does not exist";
            case 422 -> "Validation Error: the request parameters failed validation";
            case 455 -> "Service Unavailable: the system is under maintenance";
            case 505 -> "Feature Disabled: the requested feature is currently disabled";
            default -> fallback;
        };
    }

    /** The envelope with a JSON body whose {@code code} repeats the status. */
    ApiResponse toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", getMessage());
        body.put("data", null);
        return ApiResponse.json(code, body);
    }
}
