package io.github.camelvideo.core.spi;

/** What kind of failure a failed job reports; decides which exception the engine raises. */
public enum ErrorCategory {
    /** Moderation or safety filters refused the prompt, the input or the output. */
    CONTENT_POLICY,
    /** The request was invalid. */
    INVALID_REQUEST,
    /** A quota or rate limit was hit. */
    RATE_LIMIT,
    /** The provider failed for its own reasons; trying again may work. */
    PROVIDER,
    /** Not known. */
    UNKNOWN
}
