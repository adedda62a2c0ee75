package io.github.camelvideo.core.protocol.fal;

import java.time.Clock;
import java.util.Objects;

import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.webhook.WebhookProtocol;

/**
 * fal's push completion, for every provider that reaches a model through fal's queue: each submit names the
 * callback URL ({@code fal_webhook}), deliveries are signed with Ed25519 keys published as a JWKS (no shared secret),
 * and the body names the request whose status is then read.
 */
public final class FalWebhooks {

    private FalWebhooks() {
    }

    /**
     * The push protocol of a fal provider. Its verifier, built when push completion starts, fetches the keys from
     * {@code jwksUrl} at once and refreshes them in the background.
     *
     * @param providerName the provider whose jobs the events name, such as {@code fal-kling}
     * @param http         the engine's transport, over which the JWKS is read
     * @param jwksUrl      where fal's public keys are, {@link FalJwks#DEFAULT_URL} or an emulator's; {@code null}
     *                     for the default
     */
    public static WebhookProtocol protocol(String providerName, HttpTransport http, String jwksUrl) {
        Objects.requireNonNull(http, "http");
        String url = jwksUrl == null || jwksUrl.isBlank() ? FalJwks.DEFAULT_URL : jwksUrl.trim();
        return new WebhookProtocol(providerName, null, false,
                secret -> new FalWebhookVerifier(FalJwks.over(http, url, Clock.systemUTC()).start()),
                new FalWebhookEvents(), true);
    }
}
