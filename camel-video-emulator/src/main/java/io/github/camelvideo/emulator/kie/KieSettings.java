package io.github.camelvideo.emulator.kie;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the Kie surface.
 *
 * @param jobDuration time from creation to the end of each task
 * @param key         the only accepted Kie key, or null for any non-empty key
 * @param hmacKey     the account's {@code webhookHmacKey}: callbacks carry {@code X-Webhook-Timestamp} and
 *                    {@code X-Webhook-Signature} when set; null sends them unsigned
 * @param clock       the time source of the tasks
 * @param rootUrl     the emulator's root, for the URLs the answers name
 */
public record KieSettings(Duration jobDuration, String key, String hmacKey, Clock clock, String rootUrl) {
}
