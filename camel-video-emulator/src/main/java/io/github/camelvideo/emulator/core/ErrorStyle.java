package io.github.camelvideo.emulator.core;

/** How one API surface words its errors: the same failure looks different on each provider's wire. */
public interface ErrorStyle {

    /** A client error (4xx) with this HTTP status and message, in the surface's envelope. */
    ApiResponse error(int status, String message);

    /** A 500 with this message in the surface's envelope. */
    ApiResponse serverError(String message);

    /** The surface's usual 500 answer. */
    ApiResponse serverError();

    /** A 429 with a {@code Retry-After} header and the surface's rate-limit envelope. */
    ApiResponse rateLimited(int retryAfterSeconds);

    /** A 504 as the surface's gateway words it when a request timed out; by default its 500 with status 504. */
    default ApiResponse gatewayTimeout() {
        return serverError("The request timed out.").withStatus(504);
    }
}
