package io.github.camelvideo.core.job;

import java.util.Optional;

/**
 * Maps an idempotency key to the provider job created for it, so that a redelivered or repeated exchange re-attaches
 * to its job instead of paying for a second one. Implementations must be thread-safe.
 */
public interface JobStore {

    /** The job recorded for the key, if any. */
    Optional<JobRecord> find(String key);

    /** Records (or updates) the job for the key. */
    void put(String key, JobRecord record);

    /** Forgets the key. */
    void remove(String key);
}
