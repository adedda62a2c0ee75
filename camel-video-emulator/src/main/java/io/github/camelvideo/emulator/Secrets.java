package io.github.camelvideo.emulator;

import java.util.Locale;
import java.util.Set;

/**
 * What the emulator never writes out: credential headers and query parameters are replaced by
 * {@value #REDACTED} in the state directory and in the admin API, so only their presence shows.
 */
final class Secrets {

    /** The value shown instead of a secret. */
    static final String REDACTED = "[redacted]";

    private static final Set<String> HEADERS = Set.of("authorization", "proxy-authorization", "x-goog-api-key",
            "cookie", "set-cookie");
    /** Gemini accepts {@code ?key=}; Gemini download links carry {@code ?token=}. */
    private static final Set<String> QUERY_PARAMETERS = Set.of("key", "token", "access_token");

    private Secrets() {
    }

    /** True for a header whose value is a credential. */
    static boolean isSecretHeader(String name) {
        return HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The raw query with the values of credential parameters replaced; null stays null. */
    static String redactQuery(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(out.length() == 0 ? "" : "&")
                    .append(eq >= 0 && QUERY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))
                            ? name + "=" + REDACTED : pair);
        }
        return out.toString();
    }
}
