package io.github.camelvideo.core.webhook;

import java.util.Objects;

/**
 * How a component's provider pushes job notifications: the provider whose jobs they name, where its signing secret
 * is found when the webhookSecret option is not set, and its event format. Signed as Standard Webhooks.
 *
 * @param providerName      the provider whose jobs the events name ({@code VideoProvider#name()})
 * @param secretEnvVariable the environment variable holding the secret when the option is not set
 * @param events            reads the provider's events
 */
public record WebhookProtocol(String providerName, String secretEnvVariable, WebhookEvents events) {

    public WebhookProtocol {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(events, "events");
    }
}
