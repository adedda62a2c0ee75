package io.github.camelvideo.core.webhook;

import java.util.Objects;

/**
 * Where a provider that calls back per job sends its callbacks: this application's webhook receiver, and the tokens
 * that let the receiver tell a callback it asked for from any other request.
 *
 * @param url    the receiver's public URL (callbackBaseUrl + webhookPath)
 * @param tokens the per-job tokens, for protocols whose callbacks carry no signature
 */
public record CallbackTarget(String url, CallbackTokens tokens) {

    public CallbackTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** The URL to name in one create call of an unsigned protocol: the receiver's, with a fresh ref and token. */
    public String tokenUrl() {
        return tokens.urlFor(url);
    }

    @Override
    public String toString() {
        return "CallbackTarget[" + url + "]";
    }
}
