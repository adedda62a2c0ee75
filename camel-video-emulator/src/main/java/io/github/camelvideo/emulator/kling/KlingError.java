package io.github.camelvideo.emulator.kling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;

/**
 * An error of the Kling surface: Kling's envelope {@code {code, message, request_id}} with a service code and the HTTP
 * status Kling gives that code (401 for 1000–1004, 429 for 1100–1102 and 1302–1304, 403 for 1103, 400 for
 * 1200–1201 and 1300–1301, 404 for 1202–1203, 500/503/504 for 5000/5001/5002).
 */
final class KlingError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kling's envelope for the errors the fault plan injects. */
    static final ErrorStyle STYLE = new ErrorStyle() {
        @Override
        public ApiResponse error(int status, String message) {
            int code = status == 401 ? 1000 : status == 403 ? 1103 : status == 404 ? 1202 : status == 429 ? 1302
                    : 1200;
            return new KlingError(code, message).toResponse().withStatus(status);
        }

        @Override
        public ApiResponse serverError(String message) {
            return new KlingError(5000, message).toResponse();
        }

        @Override
        public ApiResponse serverError() {
            return serverError("Server internal error");
        }

        @Override
        public ApiResponse rateLimited(int retryAfterSeconds) {
            return new KlingError(1303, "Parallel task over resource pack limit").toResponse()
                    .header("Retry-After", Integer.toString(retryAfterSeconds));
        }

        @Override
        public ApiResponse gatewayTimeout() {
            return new KlingError(5002, "Server timeout").toResponse();
        }
    };

    private final int code;

    KlingError(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The HTTP status Kling answers a service code with. */
    static int httpStatus(int code) {
        if (code >= 1000 && code <= 1004) {
            return 401;
        }
        if (code == 1103) {
            return 403;
        }
        if (code == 1202 || code == 1203) {
            return 404;
        }
        if (code >= 1100 && code <= 1102 || code >= 1302 && code <= 1304) {
            return 429;
        }
        return switch (code) {
            case 5001 -> 503;
            case 5002 -> 504;
            default -> code >= 5000 ? 500 : 400;
        };
    }

    /** The envelope of a successful answer. */
    static Map<String, Object> ok(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("message", "SUCCEED");
        body.put("request_id", UUID.randomUUID().toString());
        body.put("data", data);
        return body;
    }

    int code() {
        return code;
    }

    ApiResponse toResponse() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", getMessage());
        body.put("request_id", UUID.randomUUID().toString());
        return ApiResponse.json(httpStatus(code), body);
    }
}
