package io.github.camelvideo.emulator.google;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;

/**
 * The OAuth 2 token endpoint a service account key's {@code token_uri} names:
 * {@code POST /token} with {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} and a
 * signed JWT {@code assertion}, as Google's auth libraries send it. The JWT's shape and claims are
 * checked; its signature is not (the emulator does not know the key).
 */
final class TokenEndpoint extends GoogleSurface {

    static final String PATH = "/token";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Google refuses assertions that live longer than an hour. */
    private static final long MAX_LIFETIME_SECONDS = 3600;

    private final AccessTokens tokens;

    TokenEndpoint(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(PATH);
    }

    @Override
    void authorize(ApiRequest request) {
        // The assertion in the body is the credential.
    }

    @Override
    ApiResponse route(ApiRequest request) {
        if (!request.method().equals("POST")) {
            return oauthError(405, "invalid_request", "The token endpoint accepts POST only.");
        }
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        String grantType = form.get("grant_type");
        if (!JWT_BEARER.equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + (grantType == null ? "" : grantType));
        }
        String problem = checkAssertion(form.get("assertion"));
        if (problem != null) {
            return oauthError(400, "invalid_grant", problem);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", tokens.issue());
        json.put("expires_in", 3599);
        json.put("token_type", "Bearer");
        return ApiResponse.json(200, json).header("Cache-Control", "no-store");
    }

    /** What is wrong with the assertion, or null when it has the shape Google requires. */
    private static String checkAssertion(String assertion) {
        if (assertion == null || assertion.isEmpty()) {
            return "Missing required parameter: assertion";
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return "Invalid JWT: expected header.claims.signature";
        }
        JsonNode header = jsonPart(parts[0]);
        JsonNode claims = jsonPart(parts[1]);
        if (header == null || claims == null) {
            return "Invalid JWT: the header and claims must be base64url-encoded JSON objects";
        }
        if (!"RS256".equals(header.path("alg").asText(null))) {
            return "Invalid JWT: the header's alg must be RS256";
        }
        for (String claim : new String[] {"iss", "aud", "scope"}) {
            if (!claims.path(claim).isTextual() || claims.path(claim).textValue().isEmpty()) {
                return "Invalid JWT: the claim " + claim + " is missing";
            }
        }
        for (String claim : new String[] {"iat", "exp"}) {
            if (!claims.path(claim).isNumber()) {
                return "Invalid JWT: the claim " + claim + " is missing or not a number";
            }
        }
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        if (lifetime <= 0 || lifetime > MAX_LIFETIME_SECONDS) {
            return "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
                    + " Check your iat and exp values in the JWT claim.";
        }
        return null;
    }

    private static JsonNode jsonPart(String part) {
        try {
            JsonNode node = ApiResponse.JSON.readTree(Base64.getUrlDecoder().decode(part));
            return node != null && node.isObject() ? node : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            form.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /** OAuth's own error envelope {@code {"error","error_description"}}. */
    private static ApiResponse oauthError(int status, String error, String description) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("error_description", description);
        return ApiResponse.json(status, json);
    }
}
