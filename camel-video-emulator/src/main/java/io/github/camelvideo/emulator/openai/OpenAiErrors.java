package io.github.camelvideo.emulator.openai;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.ErrorStyle;

/** Errors in OpenAI's envelope {@code {"error":{"message","type","param","code"}}}. */
final class OpenAiErrors implements ErrorStyle {

    static final OpenAiErrors INSTANCE = new OpenAiErrors();

    private OpenAiErrors() {
    }

    @Override
    public ApiResponse error(int status, String message) {
        return new ApiException(status, "invalid_request_error", message, null, null).toResponse();
    }

    @Override
    public ApiResponse serverError(String message) {
        return ApiResponse.json(500, ApiException.envelope(message, "server_error", null, null));
    }

    @Override
    public ApiResponse serverError() {
        return ApiException.serverError().toResponse();
    }

    @Override
    public ApiResponse rateLimited(int retryAfterSeconds) {
        return ApiException.rateLimited().toResponse().header("Retry-After", Integer.toString(retryAfterSeconds));
    }
}
