package io.github.camelvideo.core.job;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * Collects the jobs of one provider that no exchange waits for: jobs left by submitters that did not wait, jobs of an
 * earlier run of the application, and jobs of an instance that died. Every sweep takes the leases of such jobs in the
 * job store, follows each job like any other (polls, download) and hands its result to a {@link Delivery}; the
 * record becomes {@code DELIVERED} (or {@code FAILED}, for a failure) only once the delivery succeeded. A delivery
 * that fails keeps its job leased to this instance until it stops, and is made again after a restart or by another
 * instance: delivery is at least once.
 * <p>
 * A {@code PENDING} record taken this way was left by a run that stopped between recording its create request and
 * storing the answer: it is reconciled ({@link JobRecovery}), then followed when its job was found, or delivered as
 * in doubt otherwise.
 */
public final class JobCollector {

    private static final Logger LOG = LoggerFactory.getLogger(JobCollector.class);
    private static final Set<DurableState> PENDING = EnumSet.of(DurableState.PENDING);
    private static final Set<DurableState> RESUMABLE = EnumSet.of(DurableState.SUBMITTED, DurableState.DOWNLOADED);
    /** The most jobs taken per sweep; a full batch is followed by another sweep at once. */
    static final int BATCH = 500;

    /** Where a collected job's result goes: the completion consumer's route. */
    public interface Delivery {

        /**
         * Delivers a job's result or failure.
         *
         * @param record  the job's record (key, stored headers)
         * @param outcome the result, or {@code null} for a failure
         * @param failure the typed failure (the job failed, timed out, or is in doubt), or {@code null}
         * @return whether the receiving route completed without an exception
         */
        CompletionStage<Boolean> deliver(JobRecord record, JobOutcome outcome, Throwable failure);
    }

    private final VideoJobRunner runner;
    private final VideoProvider<?> provider;
    private final JobLeases leases;
    private final Function<JobRecord, JobOptions> options;
    private final JobScheduler scheduler;
    private final Executor executor;
    private final Duration interval;
    private final Delivery delivery;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final Runnable onRelease = this::sweepSoon;
    private volatile boolean stopped = true;
    private volatile boolean again;
    private volatile JobScheduler.Cancellable next;

    /**
     * @param options  how a collected job runs (its key and stored headers come from its record)
     * @param executor where store calls and sweeps run (the engine's worker pool)
     * @param interval how often the store is swept for jobs nobody follows
     */
    public JobCollector(VideoJobRunner runner, VideoProvider<?> provider, Function<JobRecord, JobOptions> options,
                        JobScheduler scheduler, Executor executor, Duration interval, Delivery delivery) {
        this.runner = runner;
        this.provider = provider;
        this.leases = runner.leases();
        this.options = options;
        this.scheduler = scheduler;
        this.executor = executor;
        this.interval = interval;
        this.delivery = delivery;
        if (leases == null) {
            throw new IllegalArgumentException("A job collector needs a runner that leases its jobs");
        }
    }

    /** Sweeps now, and then every interval and whenever this instance gives a job up. */
    public void start() {
        stopped = false;
        leases.onRelease(onRelease);
        sweepSoon();
    }

    /** Stops sweeping; jobs being followed end with the engine, their leases expire. */
    public void stop() {
        stopped = true;
        leases.removeReleaseListener(onRelease);
        synchronized (sweeping) {
            JobScheduler.Cancellable timer = next;
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private void sweepSoon() {
        schedule(Duration.ZERO);
    }

    private void schedule(Duration delay) {
        synchronized (sweeping) {
            if (stopped) {
                return;
            }
            JobScheduler.Cancellable previous = next;
            if (previous != null) {
                previous.cancel(); // one timer at a time, whoever asked for a sweep
            }
            next = scheduler.schedule(() -> executor.execute(this::sweep), delay);
        }
    }

    /** One sweep: takes the jobs nobody follows, up to a batch of each kind. */
    void sweep() {
        if (stopped) {
            return;
        }
        if (!sweeping.compareAndSet(false, true)) {
            again = true; // asked for while one runs: the running one sweeps again when it ends
            return;
        }
        again = false;
        boolean full = false;
        try {
            List<JobRecord> pending = store().claimAvailable(provider.name(), PENDING, leases.owner(), leases.until(),
                    BATCH);
            pending.forEach(r -> take(r, this::reconcile));
            List<JobRecord> resumable = store().claimAvailable(provider.name(), RESUMABLE, leases.owner(),
                    leases.until(), BATCH);
            resumable.forEach(r -> take(r, this::collect));
            full = pending.size() == BATCH || resumable.size() == BATCH;
            if (!resumable.isEmpty() || !pending.isEmpty()) {
                LOG.info("Collecting {} {} jobs that no exchange waits for ({} to reconcile)",
                        resumable.size() + pending.size(), provider.name(), pending.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the job store for {} jobs to collect: {}; trying again in {}", provider.name(),
                    e.toString(), interval);
        } finally {
            sweeping.set(false);
            schedule(full || again ? Duration.ZERO : interval);
        }
    }

    private JobStore store() {
        return leases.store();
    }

    private void take(JobRecord record, java.util.function.Consumer<JobRecord> work) {
        if (leases.holds(record.key())) {
            return; // an exchange of this instance follows it (it re-attached while a dead owner's lease ran)
        }
        leases.hold(record.key());
        try {
            work.accept(record);
        } catch (RuntimeException e) {
            LOG.warn("Cannot collect the job under idempotency key '{}': {}", record.key(), e.toString());
            leases.drop(record.key());
        }
    }

    private void reconcile(JobRecord pending) {
        runner.reconcileOnce(provider, store(), pending).thenAccept(found -> {
            if (leases.attached(pending.key())) {
                return; // an exchange re-attached meanwhile: it follows the job, or fails as in doubt, itself
            }
            if (found.adopted()) {
                collect(found.record());
                return;
            }
            delivery.deliver(pending, null, found.inDoubt()).thenCompose(ok -> ok
                    ? JobRecovery.recordInDoubt(store(), pending, found.reason(), executor)
                            .thenRun(() -> leases.drop(pending.key()))
                    : kept(pending)).whenComplete((v, e) -> logFailure(pending, e));
        }).whenComplete((v, e) -> logFailure(pending, e));
    }

    private void collect(JobRecord record) {
        runner.resume(provider, store(), record, options.apply(record), JobListener.NONE)
                .handle((collected, error) -> {
                    if (error != null) {
                        Throwable cause = Failures.unwrap(error);
                        if (Failures.isTransient(cause)) {
                            // the provider is unreachable for now: the lease expires and a later sweep retries
                            LOG.warn("Cannot follow the job under idempotency key '{}' for now: {}; it is tried"
                                     + " again within {}", record.key(), cause.toString(), leases.duration());
                            leases.drop(record.key());
                            return CompletableFuture.<Void> completedFuture(null);
                        }
                        JobError failed = new JobError(null, cause.getMessage(), ErrorCategory.UNKNOWN, null);
                        return settle(record, deliverUnlessAttached(record, null, cause), failed);
                    }
                    return settle(collected.record(), deliverUnlessAttached(collected.record(),
                            collected.outcome(), collected.failure()), collected.error());
                })
                .thenCompose(stage -> stage)
                .whenComplete((v, e) -> logFailure(record, e));
    }

    /**
     * Delivers a collected job's outcome unless an exchange of this instance re-attached to it meanwhile (that exchange
     * receives it, and records it delivered).
     */
    private CompletionStage<Boolean> deliverUnlessAttached(JobRecord record, JobOutcome outcome, Throwable failure) {
        if (leases.attached(record.key())) {
            return CompletableFuture.completedFuture(null);
        }
        return delivery.deliver(record, outcome, failure);
    }

    /** After a delivery: the record is made final when the route received it, kept leased otherwise. */
    private CompletionStage<Void> settle(JobRecord record, CompletionStage<Boolean> delivered, JobError failure) {
        return delivered.thenCompose(ok -> {
            if (ok == null) {
                return CompletableFuture.completedFuture(null); // left to the exchange that re-attached
            }
            if (!ok) {
                return kept(record);
            }
            if (failure == null) {
                return runner.delivered(store(), record.key());
            }
            return runner.recordFailure(store(), record, failure).thenRun(() -> leases.drop(record.key()));
        });
    }

    /** A delivery failed: the job stays leased here (not delivered again by this run) and is retried later. */
    private CompletionStage<Void> kept(JobRecord record) {
        LOG.warn("The route receiving the job under idempotency key '{}' failed; it is delivered again after a restart"
                 + " or by another instance sharing the job store", record.key());
        return CompletableFuture.completedFuture(null);
    }

    private void logFailure(JobRecord record, Throwable error) {
        if (error != null) {
            LOG.warn("Cannot collect the job under idempotency key '{}': {}", record.key(),
                    Failures.unwrap(error).toString());
            leases.drop(record.key());
        }
    }
}
