package io.github.camelvideo.core.job;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;

/**
 * What a starting component does with the records an earlier run left behind. A {@code PENDING} record means the
 * create request may have left before the application stopped: the provider may have accepted and billed it, so the
 * job is never sent again; it becomes {@code IN_DOUBT} and is reported, and an exchange under its key fails with
 * {@code VideoSubmissionInDoubtException}.
 */
public final class JobRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    /** Why a record left {@code PENDING} by an earlier run is in doubt. */
    static final String STOPPED_PENDING = "the application stopped after the create request was recorded and before"
                                          + " its answer was stored";

    private JobRecovery() {
    }

    /**
     * Marks in doubt the {@code PENDING} records created before {@code startedAt} (records of this run are still
     * being submitted).
     *
     * @return how many records were marked
     */
    public static int pendingToInDoubt(JobStore store, Instant startedAt) {
        int marked = 0;
        for (JobRecord pending : store.list(DurableState.PENDING)) {
            if (pending.createdAt() != null && !pending.createdAt().isBefore(startedAt)) {
                continue;
            }
            JobError reason = new JobError(null, STOPPED_PENDING, ErrorCategory.UNKNOWN, null);
            if (store.update(pending.inDoubt(reason)).isPresent()) {
                marked++;
                LOG.warn("Job under idempotency key '{}' ({}, created {}) is in doubt: {}. The provider may have"
                         + " accepted and may charge for it, so it is not sent again; look for it in the provider's"
                         + " job list", pending.key(), pending.provider(), pending.createdAt(), STOPPED_PENDING);
            }
        }
        return marked;
    }
}
