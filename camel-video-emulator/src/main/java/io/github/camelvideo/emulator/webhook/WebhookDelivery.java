package io.github.camelvideo.emulator.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A webhook delivery the emulator made (or, for {@link DeliveryKind#DROPPED}, did not make), for assertions.
 *
 * @param sequence  order of the record, from 1
 * @param kind      what it was
 * @param videoId   the video the event is about
 * @param eventType {@code video.completed} or {@code video.failed}
 * @param webhookId the {@code webhook-id} header
 * @param timestamp the {@code webhook-timestamp} header, Unix seconds
 * @param attempt   1 for the first attempt, 2 for the first retry, ...
 * @param sentAt    when it was sent (before the answer came), on the emulator's clock
 * @param status    the receiver's answer; 0 when no answer came (refused connection, timeout), -1 when not sent
 * @param body      the body sent
 */
public record WebhookDelivery(long sequence, DeliveryKind kind, String videoId, String eventType, String webhookId,
                              long timestamp, int attempt, Instant sentAt, int status, byte[] body) {

    /** Whether the receiver answered 2xx. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** The body as text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
