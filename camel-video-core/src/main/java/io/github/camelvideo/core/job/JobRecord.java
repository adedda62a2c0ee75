package io.github.camelvideo.core.job;

import java.io.Serializable;
import java.time.Instant;

import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;

/**
 * What a job store keeps for one idempotency key.
 *
 * @param ref       the provider job
 * @param state     the last known state
 * @param updatedAt when the record was last written
 */
public record JobRecord(JobRef ref, JobState state, Instant updatedAt) implements Serializable {
}
