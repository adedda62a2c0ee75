package io.github.camelvideo.core.protocol.fal;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.webhook.WebhookEvent;
import io.github.camelvideo.core.webhook.WebhookEvents;

/**
 * fal's webhook body: {@code {"request_id", "gateway_request_id", "status": "OK" | "ERROR", "payload", "error",
 * "payload_error"}}, sent once a queue request has ended. Only its {@code request_id} is used: the event names the
 * job whose status is read next, and the status read, never the payload, decides how the job ended. Its type is
 * {@code fal.OK} or {@code fal.ERROR}, for logs.
 */
public final class FalWebhookEvents implements WebhookEvents {

    /** The prefix of the event types: the body's status follows it. */
    public static final String TYPE_PREFIX = "fal.";

    @Override
    public WebhookEvent read(byte[] body) {
        JsonNode event;
        try {
            event = JsonApi.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode requestId = event.path("request_id");
        if (!requestId.isTextual() || requestId.asText().isBlank()) {
            throw new IllegalArgumentException("no request_id");
        }
        String status = event.path("status").isTextual() ? event.get("status").asText() : "UNKNOWN";
        String gateway = event.path("gateway_request_id").isTextual() ? event.get("gateway_request_id").asText()
                : requestId.asText();
        return new WebhookEvent(gateway, TYPE_PREFIX + status, requestId.asText());
    }
}
