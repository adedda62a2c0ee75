package io.github.camelvideo.core.spi;

import java.util.Map;

/**
 * What the engine needs to know of any provider's create request: enough to estimate its cost and describe it in
 * logs. Each provider has its own request type implementing this.
 */
public interface VideoJobRequest {

    /** The model id. */
    String model();

    /** The requested length in seconds, or {@code null} for the provider default. */
    Integer seconds();

    /** The requested size or resolution (for example {@code 1280x720} or {@code 720p}), or {@code null}. */
    String resolution();

    /**
     * A digest of everything that makes this request what it is, so that the same step sent again gets the same
     * default idempotency key and a different step gets another.
     */
    String fingerprint();

    /**
     * The values given that model rules check, by option name (for example {@code seconds=7}), so that a refusal of
     * a request that no rules covered can say what was passed through unchecked. Values left to the provider's
     * default are not included.
     */
    default Map<String, Object> ruledValues() {
        return Map.of();
    }

    /**
     * What the request asks for that the provider's job list shows, by field name (for example {@code prompt} and
     * {@code size}): kept with the job's record so that a create request sent just before the application stopped,
     * and never answered, can be recognised among the provider's jobs after a restart. Empty by default (the
     * provider cannot list jobs, or the request has nothing to match).
     */
    default Map<String, String> requestFields() {
        return Map.of();
    }
}
