package io.github.camelvideo.core.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps one {@link JobRecord} per idempotency key, so that a restarted application knows which paid jobs to resume
 * and a redelivered or repeated exchange re-attaches to its job instead of paying for a second one.
 * <p>
 * Writes are conditional: a record is created only when its key is free, changed only by compare-and-set on its
 * {@link JobRecord#version() version}, and its {@link DurableState state} only moves forward. A lease (an owner and
 * an expiry) says which instance works on a job; leases are kept apart from the version, so renewing one never makes
 * the owner's next update conflict. Implementations are thread-safe; those built on files or a database block the
 * calling thread while they write, so a caller on a latency-sensitive thread hands the call to a worker pool.
 */
public interface JobStore {

    /** What {@link #createIfAbsent} did. */
    record Creation(JobRecord record, boolean created) {
    }

    /** The record stored under the key, if any. */
    Optional<JobRecord> find(String key);

    /**
     * Stores {@code record} under {@code key} whatever its version: creates the record, or writes the given fields
     * over the stored ones (fields left {@code null} keep their stored values).
     *
     * @throws IllegalStateException when the stored record's state cannot move to the given one
     */
    default void put(String key, JobRecord record) {
        JobRecord keyed = record.withKey(key);
        while (true) {
            Optional<JobRecord> current = find(key);
            if (current.isEmpty()) {
                if (createIfAbsent(keyed).created()) {
                    return;
                }
            } else if (update(current.get().overwrittenBy(keyed)).isPresent()) {
                return;
            }
        }
    }

    /** Forgets the key. */
    void remove(String key);

    /**
     * Stores {@code record} under its key unless the key is taken, atomically. A new record gets version 1 and the
     * store's time as its creation time; its owner and lease, if set, are stored too.
     *
     * @return the stored record, and whether it is the one just created (otherwise it is the existing one)
     */
    Creation createIfAbsent(JobRecord record);

    /**
     * Writes {@code next} over the stored record under its key if that record still has {@code next.version()}
     * (compare-and-set). The key, the creation time and the lease of the stored record are kept.
     *
     * @return the record as now stored (its version incremented), or empty when the stored version differs or the key
     *         is not stored
     * @throws IllegalStateException when the stored record's state cannot move to {@code next.state()}
     */
    Optional<JobRecord> update(JobRecord next);

    /** The records in any of the given states, oldest first. */
    List<JobRecord> list(Set<DurableState> states);

    /** The records in any of the given states, oldest first. */
    default List<JobRecord> list(DurableState first, DurableState... more) {
        return list(EnumSet.of(first, more));
    }

    /**
     * Takes the lease on one job for {@code owner} until {@code until}: granted when nobody holds it, when the owner
     * already does (then it is extended), or when the holder's lease has expired (taken over).
     *
     * @return the record with the owner's lease, or empty when another owner's lease is live or the key is not stored
     */
    Optional<JobRecord> claim(String key, String owner, Instant until);

    /**
     * Takes the lease for {@code owner} on up to {@code limit} jobs of {@code provider} in the given states whose lease
     * is free or expired, oldest first; a job another caller is claiming at the same moment is skipped, never granted
     * to both. Parts of larger jobs ({@link JobRecord#isPart()}) are never claimed: their whole job collects them.
     */
    List<JobRecord> claimAvailable(String provider, Set<DurableState> states, String owner, Instant until,
                                   int limit);

    /**
     * Extends the lease {@code owner} holds on the job to {@code until}.
     *
     * @return {@code false} when {@code owner} no longer holds it (another took it over, or the key is not stored)
     */
    boolean renew(String key, String owner, Instant until);

    /**
     * Extends the leases {@code owner} holds on the given jobs to {@code until}, as {@link #renew} does for each.
     * Stores that can renew many leases in one write override it.
     *
     * @return the keys whose lease {@code owner} no longer holds
     */
    default Set<String> renewAll(Collection<String> keys, String owner, Instant until) {
        Set<String> lost = new HashSet<>();
        for (String key : keys) {
            if (!renew(key, owner, until)) {
                lost.add(key);
            }
        }
        return lost;
    }

    /**
     * Gives up the lease {@code owner} holds on the job.
     *
     * @return {@code false} when {@code owner} did not hold it
     */
    boolean release(String key, String owner);

    /**
     * The sum of the cost estimates of the records in a {@link DurableState#SPENDING spending state} created at or
     * after {@code since}.
     */
    BigDecimal spendSince(Instant since);

    /**
     * Stores the {@code PENDING} record of a job only if its estimate fits under the limit, atomically: the check and
     * the write cannot interleave with another reservation, in this process or (for a shared database) in another, so
     * two callers can never both take the last dollar. A record without an estimate counts as zero.
     *
     * @param pending the record to store, as {@link #createIfAbsent}
     * @param capUsd  the limit for the period
     * @param since   the start of the period
     */
    SpendReservation reserveSpend(JobRecord pending, BigDecimal capUsd, Instant since);

    /**
     * Remembers {@code id} (for example a webhook delivery id) until {@code until}.
     *
     * @return {@code true} the first time, {@code false} while the id is remembered (a replay)
     */
    boolean rememberOnce(String id, Instant until);
}
