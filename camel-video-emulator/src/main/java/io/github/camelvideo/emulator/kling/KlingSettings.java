package io.github.camelvideo.emulator.kling;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the Kling surface.
 *
 * @param jobDuration time from creation to the end of each task
 * @param accessKey   the access key a token's {@code iss} must name
 * @param secretKey   the secret key a token must be signed (HS256) with
 * @param clock       the time source of the tasks and of the token checks
 * @param rootUrl     the emulator's root, for the video URLs the answers name
 */
public record KlingSettings(Duration jobDuration, String accessKey, String secretKey, Clock clock, String rootUrl) {
}
