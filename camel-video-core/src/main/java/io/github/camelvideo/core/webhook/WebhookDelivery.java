package io.github.camelvideo.core.webhook;

/**
 * One webhook request as received: the three Standard Webhooks headers, as sent (any may be missing), and the body's
 * exact bytes, never parsed and written again.
 *
 * @param id        {@code webhook-id}: the delivery's unique id, the same when the sender resends it
 * @param timestamp {@code webhook-timestamp}: when it was signed, in whole Unix seconds
 * @param signature {@code webhook-signature}: one or more space-separated {@code v1,<base64>} entries
 * @param body      the raw body
 */
public record WebhookDelivery(String id, String timestamp, String signature, byte[] body) {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    public WebhookDelivery {
        body = body == null ? new byte[0] : body;
    }
}
