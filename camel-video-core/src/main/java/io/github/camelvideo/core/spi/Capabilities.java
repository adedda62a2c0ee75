package io.github.camelvideo.core.spi;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/** Asks a provider for an optional capability an operation needs, and refuses the operation clearly without it. */
public final class Capabilities {

    private Capabilities() {
    }

    /**
     * The provider's capability of the given type.
     *
     * @param operation the operation that needs it, for the error
     * @throws VideoRequestInvalidException when the provider does not have it, before anything is sent
     */
    public static <C> C require(VideoProvider<?> provider, Class<C> type, String operation) {
        return provider.capability(type).orElseThrow(() -> new VideoRequestInvalidException("Invalid operation: "
                + operation + " is not offered by the " + provider.name() + " provider, whose protocol has no "
                + describe(type) + ". Allowed: an operation the provider offers, or another provider",
                "operation"));
    }

    private static String describe(Class<?> type) {
        // JobListing -> "job listing"
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
