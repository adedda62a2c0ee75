package io.github.camelvideo.core.job;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.camelvideo.core.error.VideoBudgetExceededException;

/**
 * The record of one running job, written through a {@link JobStore} in the order that makes a crash recoverable.
 * Every store call runs on the given executor (the engine's worker pool), because file and database stores block
 * while they write and must never hold an HTTP or timer thread.
 */
final class DurableJob {

    /** How often a write is repeated after another writer changed the record in between. */
    private static final int MAX_CONFLICTS = 5;

    private final JobStore store;
    private final Executor executor;
    private volatile JobRecord current;

    DurableJob(JobStore store, Executor executor, JobRecord current) {
        this.store = store;
        this.executor = executor;
        this.current = current;
    }

    /** The store the record is kept in. */
    JobStore store() {
        return store;
    }

    /** The record as last read or written. */
    JobRecord current() {
        return current;
    }

    /**
     * Stores {@code pending} unless its key is taken, and then follows whichever record is stored; with a spending
     * limit, only if its estimate fits under it, atomically.
     *
     * @throws VideoBudgetExceededException (in the stage) when the job would exceed the limit; nothing was stored
     */
    static CompletionStage<JobStore.Creation> create(JobStore store, Executor executor, JobRecord pending,
                                                     SpendCap cap, Instant now) {
        return create(store, executor, () -> pending, cap, now);
    }

    /**
     * As {@link #create(JobStore, Executor, JobRecord, SpendCap, Instant)}, with the record made when the write runs:
     * a lease it carries starts then, not while the write waited for the executor.
     */
    static CompletionStage<JobStore.Creation> create(JobStore store, Executor executor, Supplier<JobRecord> record,
                                                     SpendCap cap, Instant now) {
        if (cap == null) {
            return call(executor, () -> store.createIfAbsent(record.get()));
        }
        return call(executor, () -> {
            JobRecord pending = record.get();
            SpendReservation r = store.reserveSpend(pending, cap.capUsd(), now.minus(cap.period()));
            return switch (r.outcome()) {
                case RESERVED -> new JobStore.Creation(r.record(), true);
                case EXISTS -> new JobStore.Creation(r.record(), false);
                case EXCEEDED -> throw new VideoBudgetExceededException("The job under idempotency key '"
                        + pending.key() + "' is estimated at " + SpendReservation.estimate(pending).toPlainString()
                        + " USD; with " + r.spentUsd().toPlainString() + " USD already spent or reserved in the last "
                        + cap.period() + " it would exceed maxSpendUsd " + r.capUsd().toPlainString()
                        + " USD, so it was not sent");
            };
        });
    }

    /**
     * Writes {@code change} applied to the record (compare-and-set); when another writer got there first, the change
     * is applied to the record it stored.
     */
    CompletionStage<JobRecord> write(UnaryOperator<JobRecord> change) {
        return call(executor, () -> {
            for (int i = 0; i < MAX_CONFLICTS; i++) {
                JobRecord written = store.update(change.apply(current)).orElse(null);
                if (written != null) {
                    current = written;
                    return written;
                }
                current = store.find(current.key()).orElseThrow(() -> new JobStoreException(
                        "The job recorded under key '" + current.key() + "' was removed while it ran"));
            }
            throw new JobStoreException("The job recorded under key '" + current.key() + "' changed " + MAX_CONFLICTS
                                        + " times while it was being written; another writer keeps changing it");
        });
    }

    /** Forgets the record: nothing was accepted, so a later attempt under the key may submit again. */
    CompletionStage<Void> remove() {
        return call(executor, () -> {
            store.remove(current.key());
            return null;
        });
    }

    private static <T> CompletionStage<T> call(Executor executor, Supplier<T> call) {
        try {
            return CompletableFuture.supplyAsync(call, executor);
        } catch (RuntimeException rejected) {
            return CompletableFuture.failedFuture(rejected);
        }
    }
}
