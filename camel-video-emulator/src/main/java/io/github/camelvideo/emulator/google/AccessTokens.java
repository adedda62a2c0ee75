package io.github.camelvideo.emulator.google;

import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelvideo.emulator.core.ApiRequest;

/** The OAuth bearer tokens Vertex AI and Cloud Storage accept. */
final class AccessTokens {

    private final String configured;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    /** @param configured the static token to accept, or null to accept any non-empty token */
    AccessTokens(String configured) {
        this.configured = configured;
    }

    /** Issues a new token in the shape of Google's ({@code ya29.} prefix); it is accepted from now on. */
    String issue() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        String token = "ya29.emu-" + HexFormat.of().formatHex(bytes);
        issued.add(token);
        return token;
    }

    /** Checks {@code Authorization: Bearer TOKEN}; throws 401 in Google's envelope when it is not accepted. */
    void require(ApiRequest request) {
        String authorization = request.header("authorization");
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        }
        boolean ok = token != null && !token.isEmpty()
                && (configured == null || configured.equals(token) || issued.contains(token));
        if (!ok) {
            throw GoogleError.unauthenticated();
        }
    }
}
