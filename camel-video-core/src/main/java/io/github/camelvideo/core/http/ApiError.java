package io.github.camelvideo.core.http;

/**
 * An error response as a provider's envelope describes it.
 *
 * @param code    the provider's error code or status word, or {@code null}
 * @param message the provider's message
 * @param param   the request field at fault, or {@code null}
 */
public record ApiError(String code, String message, String param) {
}
