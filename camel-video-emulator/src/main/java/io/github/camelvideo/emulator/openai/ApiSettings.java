package io.github.camelvideo.emulator.openai;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the emulated Videos API.
 *
 * @param jobDuration time from creation to completion of every job
 * @param retention time from completion until {@code expires_at}
 * @param pollAfterMs value of the {@code openai-poll-after-ms} header; {@code <= 0} omits it
 * @param apiKey the only accepted key, or null to accept any non-empty bearer token
 * @param clock time source for the job lifecycle
 */
public record ApiSettings(Duration jobDuration, Duration retention, long pollAfterMs, String apiKey, Clock clock) {
}
