package io.github.camelvideo.emulator.google;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of the emulated Google surfaces.
 *
 * @param jobDuration time from creation to the end of every operation
 * @param retention time from completion until generated Gemini files expire
 * @param apiKey the only Gemini API key accepted, or null to accept any non-empty key
 * @param accessToken a static OAuth bearer token Vertex AI and Cloud Storage accept besides the
 *        tokens the token endpoint issues, or null to accept any non-empty bearer token
 * @param clock time source for the operation lifecycle
 * @param rootUrl {@code http://host:port} of the emulator, used in returned URLs
 */
public record GoogleSettings(Duration jobDuration, Duration retention, String apiKey, String accessToken, Clock clock,
        String rootUrl) {
}
