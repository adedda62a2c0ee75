package io.github.camelvideo.emulator.fal;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the fal surface.
 *
 * @param jobDuration time from submission to completion of each request
 * @param key the only accepted fal key, or null for any non-empty key
 * @param clock the time source of the queue
 * @param rootUrl the emulator's root, for the URLs the answers name
 */
public record FalSettings(Duration jobDuration, String key, Clock clock, String rootUrl) {
}
