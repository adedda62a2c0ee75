package io.github.camelvideo.emulator.core;

import java.util.Optional;

/**
 * One emulated API (OpenAI Videos, Gemini, Vertex AI, Cloud Storage, the OAuth token
 * endpoint): which paths it answers, how it authenticates, how it serves a request and how it
 * words the errors the fault plan injects. The HTTP front asks the surfaces in order and
 * gives each request to the first that serves its path.
 */
public interface Surface {

    /** True when this surface answers requests for this (decoded) path. */
    boolean serves(String path);

    /** An error response when the request is not authenticated, else empty. */
    Optional<ApiResponse> authenticate(ApiRequest request);

    /** Serves an authenticated request; never throws. */
    ApiResponse handle(ApiRequest request);

    /** The envelope of this surface's errors. */
    ErrorStyle errors();

    /** A short name for the admin API's records, e.g. {@code openai}, {@code gemini}, {@code vertex}. */
    default String name() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
