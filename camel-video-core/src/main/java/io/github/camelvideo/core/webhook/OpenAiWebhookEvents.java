package io.github.camelvideo.core.webhook;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OpenAI's event envelope, which OpenAI-compatible video servers send as well:
 * {@code {"id":"evt_...","object":"event","created_at":...,"type":"video.completed","data":{"id":"video_..."}}}.
 * {@code video.completed} and {@code video.failed} are about the video in {@code data.id}; other types are about no
 * job.
 */
public final class OpenAiWebhookEvents implements WebhookEvents {

    /** The event types about a video job. */
    public static final Set<String> VIDEO_EVENTS = Set.of("video.completed", "video.failed");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public WebhookEvent read(byte[] body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (event == null || !event.isObject() || !event.path("type").isTextual()) {
            throw new IllegalArgumentException("no event type");
        }
        String type = event.get("type").asText();
        String id = event.path("id").isTextual() ? event.get("id").asText() : null;
        JsonNode jobId = event.path("data").path("id");
        if (!VIDEO_EVENTS.contains(type)) {
            return new WebhookEvent(id, type, null);
        }
        if (!jobId.isTextual() || jobId.asText().isBlank()) {
            throw new IllegalArgumentException("a video event without data.id");
        }
        return new WebhookEvent(id, type, jobId.asText());
    }
}
