package io.github.camelvideo.core.job;

import java.math.BigDecimal;

/**
 * The answer of {@link JobStore#reserveSpend}.
 *
 * @param outcome what happened
 * @param record  the stored record ({@link Outcome#RESERVED}: the new one, {@link Outcome#EXISTS}: the one already
 *                under the key), {@code null} when {@link Outcome#EXCEEDED}
 * @param spentUsd the estimates counted in the period before this job
 * @param capUsd   the limit
 */
public record SpendReservation(Outcome outcome, JobRecord record, BigDecimal spentUsd, BigDecimal capUsd) {

    /** Whether {@code pending}'s estimate added to {@code spentUsd} stays within {@code capUsd}. */
    public static boolean fits(BigDecimal spentUsd, JobRecord pending, BigDecimal capUsd) {
        return spentUsd.add(estimate(pending)).compareTo(capUsd) <= 0;
    }

    /** The record's estimate, zero when it has none. */
    public static BigDecimal estimate(JobRecord record) {
        return record.costEstimateUsd() == null ? BigDecimal.ZERO : record.costEstimateUsd();
    }

    /** What a reservation did. */
    public enum Outcome {
        /** The job fits under the limit; its {@code PENDING} record was stored. */
        RESERVED,
        /** A record already exists under the key; nothing was stored and nothing counted. */
        EXISTS,
        /** The job would exceed the limit; nothing was stored. */
        EXCEEDED
    }
}
