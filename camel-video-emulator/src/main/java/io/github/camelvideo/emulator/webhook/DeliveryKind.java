package io.github.camelvideo.emulator.webhook;

/** What a webhook delivery was. */
public enum DeliveryKind {
    /** The event, signed with the configured secret. */
    GENUINE,
    /** A second delivery of the same event under its own webhook-id (the duplicate fault). */
    DUPLICATE,
    /** Signed with a secret that is not the configured one, sent when the video is created. */
    FORGED,
    /** Signed correctly, then its body changed, sent when the video is created. */
    TAMPERED,
    /** Signed correctly with a timestamp ten minutes old, sent when the video is created. */
    STALE,
    /** A genuine delivery sent again byte for byte (same id, timestamp, signature and body) after it was accepted. */
    REPLAYED,
    /** The genuine delivery, not sent (the drop fault); recorded with status -1 and no attempt. */
    DROPPED
}
