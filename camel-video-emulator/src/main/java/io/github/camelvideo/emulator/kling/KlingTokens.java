package io.github.camelvideo.emulator.kling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.ApiResponse;

/**
 * Checks the bearer JWT of a Kling request as Kling does: header {@code alg} HS256, the signature under the secret
 * key, {@code iss} the access key, {@code nbf} reached and {@code exp} not passed (seconds on the emulator's clock).
 * A refusal is a {@link KlingError} with Kling's 1000-series code: 1001 no token, 1002 a malformed one or a wrong
 * issuer, 1000 a bad signature, 1003 not yet valid, 1004 expired.
 */
final class KlingTokens {

    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private final KlingSettings settings;

    KlingTokens(KlingSettings settings) {
        this.settings = settings;
    }

    /** Throws the refusal of this {@code Authorization} header, or returns when its token is valid. */
    void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new KlingError(1001, "Authorization is empty");
        }
        if (!authorization.startsWith("Bearer ")) {
            throw new KlingError(1002, "Authorization is invalid: expected Bearer <JWT>");
        }
        String[] parts = authorization.substring(7).trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new KlingError(1002, "Authorization is invalid: not a JWT");
        }
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        if (!"HS256".equals(header.path("alg").asText())) {
            throw new KlingError(1002, "Authorization is invalid: alg must be HS256");
        }
        if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), decode(parts[2]))) {
            throw new KlingError(1000, "Authentication failed: the signature does not match");
        }
        if (!settings.accessKey().equals(claims.path("iss").asText(null))) {
            throw new KlingError(1002, "Authorization is invalid: unknown access key");
        }
        long now = settings.clock().millis() / 1000;
        if (claims.path("nbf").canConvertToLong() && now < claims.path("nbf").asLong()) {
            throw new KlingError(1003, "Authorization is not yet valid");
        }
        if (!claims.path("exp").canConvertToLong() || now >= claims.path("exp").asLong()) {
            throw new KlingError(1004, "Authorization has expired");
        }
    }

    private byte[] sign(String unsigned) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = ApiResponse.JSON.readTree(decode(part));
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new KlingError(1002, "Authorization is invalid: not a JWT");
    }

    private static byte[] decode(String part) {
        try {
            return URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new KlingError(1002, "Authorization is invalid: not base64url");
        }
    }
}
