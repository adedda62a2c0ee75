package io.github.camelvideo.core.webhook;

/** Reads a provider's event format, after the delivery was verified. */
@FunctionalInterface
public interface WebhookEvents {

    /**
     * Reads an event.
     *
     * @param body the delivery's raw body
     * @throws IllegalArgumentException when the body is not an event of this format
     */
    WebhookEvent read(byte[] body);
}
