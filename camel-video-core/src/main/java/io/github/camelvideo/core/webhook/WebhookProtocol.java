package io.github.camelvideo.core.webhook;

import java.util.Objects;

/**
 * How a provider pushes job notifications: the provider whose jobs they name, how deliveries are verified, where the
 * signing secret is found when the webhookSecret option is not set, and the event format.
 *
 * @param providerName      the provider whose jobs the events name ({@code VideoProvider#name()})
 * @param secretEnvVariable the environment variable holding the secret when the option is not set, or {@code null}
 * @param secretRequired    whether the scheme needs a shared secret (a scheme with public keys needs none)
 * @param verifiers         builds the verifier from the secret ({@code null} when none is required and none given)
 * @param events            reads the provider's events
 * @param callsBack         whether each create call names its callback URL (then callbackBaseUrl is required), as
 *                          opposed to a webhook URL configured once at the provider
 */
public record WebhookProtocol(String providerName, String secretEnvVariable, boolean secretRequired,
                              Verifiers verifiers, WebhookEvents events, boolean callsBack) {

    /** Builds a verifier for a delivery scheme. */
    @FunctionalInterface
    public interface Verifiers {

        /**
         * @param secret the configured secret, or {@code null} when none is set and the scheme requires none
         */
        WebhookVerifier create(WebhookSecret secret);
    }

    public WebhookProtocol {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(verifiers, "verifiers");
        Objects.requireNonNull(events, "events");
    }

    /**
     * Standard Webhooks signatures (OpenAI's scheme), with a secret from the option or the environment variable, and
     * the webhook URL configured at the provider.
     */
    public static WebhookProtocol standardWebhooks(String providerName, String secretEnvVariable,
                                                   WebhookEvents events) {
        return new WebhookProtocol(providerName, secretEnvVariable, true, StandardWebhooksVerifier::new, events,
                false);
    }

    /**
     * Callbacks named in each create call and carrying no signature (Kling's, Kie's without an HMAC key): verified
     * by the per-job token of their URL, and read only as a hint to read the job.
     */
    public static WebhookProtocol callbackTokens(String providerName, CallbackTokens tokens, WebhookEvents events) {
        return new WebhookProtocol(providerName, null, false, secret -> tokens.verifier(), events, true);
    }
}
