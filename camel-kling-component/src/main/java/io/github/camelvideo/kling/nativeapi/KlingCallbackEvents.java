package io.github.camelvideo.kling.nativeapi;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.webhook.WebhookEvent;
import io.github.camelvideo.core.webhook.WebhookEvents;

/**
 * Kling's callback body: the task object, as a task read answers it, posted on every status change. Only its
 * {@code task_id} is used: Kling signs nothing, so the body is a hint naming the task to read next, and the read,
 * never the body, decides how the task ended. The event type is {@code kling.} and the {@code task_status}, for logs.
 */
final class KlingCallbackEvents implements WebhookEvents {

    /** The prefix of the event types: the body's task status follows it. */
    static final String TYPE_PREFIX = "kling.";

    @Override
    public WebhookEvent read(byte[] body) {
        JsonNode task;
        try {
            task = JsonApi.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (task == null || !task.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        // a callback may come in the API's envelope too: the task is then its data
        JsonNode data = task.path("data").isObject() ? task.path("data") : task;
        JsonNode id = data.path("task_id");
        if (!id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("no task_id");
        }
        String status = data.path("task_status").isTextual() ? data.get("task_status").asText() : "unknown";
        return new WebhookEvent(id.asText() + "/" + status, TYPE_PREFIX + status, id.asText());
    }
}
