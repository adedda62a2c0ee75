package io.github.camelvideo.emulator.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvideo.emulator.core.ApiResponse;

/**
 * An API error rendered as OpenAI's envelope
 * {@code {"error":{"message","type","param","code"}}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    /**
     * Creates an error.
     *
     * @param status HTTP status
     * @param type OpenAI error type, e.g. {@code invalid_request_error}
     * @param message human readable message
     * @param param the offending request parameter, or null
     * @param code machine readable code, or null
     */
    public ApiException(int status, String type, String message, String param, String code) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** The error converted to a response carrying the envelope. */
    public ApiResponse toResponse() {
        return ApiResponse.json(status, envelope(getMessage(), type, param, code));
    }

    /** The OpenAI error envelope as a JSON-ready map (nulls kept: the fields are always present). */
    public static Map<String, Object> envelope(String message, String type, String param, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    // Factories for the errors the API uses, with OpenAI's wording.

    static ApiException invalidRequest(String message, String param, String code) {
        return new ApiException(400, "invalid_request_error", message, param, code);
    }

    static ApiException missing(String param) {
        return invalidRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    static ApiException invalidType(String param, String expected, String got) {
        return invalidRequest("Invalid type for '" + param + "': expected " + expected + ", but got " + got + " instead.",
                param, "invalid_type");
    }

    static ApiException invalidValue(String param, String value, java.util.List<String> supported) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < supported.size(); i++) {
            if (i > 0) {
                list.append(i == supported.size() - 1 ? (supported.size() > 2 ? ", and " : " and ") : ", ");
            }
            list.append('\'').append(supported.get(i)).append('\'');
        }
        return invalidRequest("Invalid value: '" + value + "'. Supported values are: " + list + ".", param, "invalid_value");
    }

    static ApiException unknownParameter(String param) {
        return invalidRequest("Unknown parameter: '" + param + "'.", param, "unknown_parameter");
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "invalid_request_error", message, null, null);
    }

    static ApiException invalidUrl(String method, String path) {
        return new ApiException(404, "invalid_request_error", "Invalid URL (" + method + " " + path + ")", null, null);
    }

    /** 401 for a missing or wrong key; the key is masked, never echoed whole. */
    public static ApiException unauthorized(String presentedKey) {
        String message = presentedKey == null || presentedKey.isEmpty()
                ? "You didn't provide an API key. You need to provide your API key in an Authorization header using"
                        + " Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
                : "Incorrect API key provided: " + mask(presentedKey)
                        + ". You can find your API key at https://platform.openai.com/account/api-keys.";
        return new ApiException(401, "invalid_request_error", message, null, "invalid_api_key");
    }

    /** 429 as OpenAI sends it. */
    public static ApiException rateLimited() {
        return new ApiException(429, "rate_limit_exceeded",
                "Rate limit reached for requests. Please try again later.", null, "rate_limit_exceeded");
    }

    /** 500 as OpenAI sends it. */
    public static ApiException serverError() {
        return new ApiException(500, "server_error",
                "The server had an error while processing your request. Sorry about that!", null, null);
    }

    static String mask(String key) {
        if (key.length() <= 8) {
            return "***";
        }
        return key.substring(0, 5) + "***" + key.substring(key.length() - 2);
    }
}
