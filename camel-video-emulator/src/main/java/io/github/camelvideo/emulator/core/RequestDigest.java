package io.github.camelvideo.emulator.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of a create request as the admin API lists it with each job: SHA-256 of the body
 * bytes as sent, so a test can tell whether two jobs came from the same request (a multipart body
 * differs with its boundary, so only JSON bodies of equal requests are equal).
 */
public final class RequestDigest {

    private RequestDigest() {
    }

    /** {@code sha256:} and the hex digest of the request's body. */
    public static String of(ApiRequest request) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
