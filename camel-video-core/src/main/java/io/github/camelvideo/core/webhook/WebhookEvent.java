package io.github.camelvideo.core.webhook;

/**
 * What a verified delivery announces. Only a hint: the job's state is read from the provider's API, never taken
 * from the event.
 *
 * @param id    the event's id, for logs
 * @param type  the event type, such as {@code video.completed}
 * @param jobId the provider's job id the event is about, or {@code null} for an event about no job the receiver
 *              follows
 */
public record WebhookEvent(String id, String type, String jobId) {
}
