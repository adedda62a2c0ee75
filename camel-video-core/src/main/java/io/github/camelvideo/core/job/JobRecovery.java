package io.github.camelvideo.core.job;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * What becomes of a {@code PENDING} record that nobody works on any more: its create request may have left before the
 * application stopped, and the provider may have accepted and billed it. Where the provider lists its jobs, the job
 * created from the same request in the window is adopted (the record becomes {@code SUBMITTED} and the job is followed
 * like any other); otherwise the job is in doubt, reported, and never sent again.
 */
public final class JobRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    /** How far before the record's creation a matching job may have been created (clock skew with the provider). */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(60);

    /** Why a record left {@code PENDING} by an earlier run is in doubt. */
    static final String STOPPED_PENDING = "the application stopped after the create request was recorded and before"
                                          + " its answer was stored";

    private JobRecovery() {
    }

    /**
     * What reconciliation found.
     *
     * @param record  the record, {@code SUBMITTED} when a job was adopted
     * @param inDoubt the exception to report when no single job matched, or {@code null} when one was adopted
     * @param reason  why the job is in doubt, to record once reported, or {@code null}
     */
    public record Reconciled(JobRecord record, VideoSubmissionInDoubtException inDoubt, JobError reason) {

        /** Whether a job was adopted. */
        public boolean adopted() {
            return inDoubt == null;
        }
    }

    /**
     * Looks for the job a {@code PENDING} record's create request made, and adopts it when exactly one matches.
     *
     * @param executor where store calls run
     */
    public static CompletionStage<Reconciled> reconcile(VideoProvider<?> provider, JobStore store, JobRecord pending,
                                                        Executor executor) {
        if (!provider.canReconcile() || pending.request().isEmpty() || pending.createdAt() == null) {
            return CompletableFuture.completedFuture(inDoubt(pending, STOPPED_PENDING + ", and " + provider.name()
                                                                      + " cannot list its jobs to find it"));
        }
        return provider.reconcile(pending.request(), pending.createdAt().minus(CLOCK_SLACK))
                .thenApplyAsync(found -> adopt(provider, store, pending, found, executor), executor)
                .thenCompose(stage -> stage)
                .exceptionally(e -> inDoubt(pending, STOPPED_PENDING + ", and the job list of " + provider.name()
                                                     + " could not be read: " + Failures.unwrap(e)));
    }

    private static CompletionStage<Reconciled> adopt(VideoProvider<?> provider, JobStore store, JobRecord pending,
                                                     List<JobStatus> found, Executor executor) {
        Set<String> taken = jobIds(store, provider.name());
        List<JobStatus> candidates = found.stream().filter(s -> !taken.contains(s.ref().id())).toList();
        if (candidates.size() != 1) {
            String what = candidates.isEmpty() ? "no job in the job list of " + provider.name() + " matches it"
                    : "several jobs match it (" + candidates.stream().map(s -> s.ref().id())
                    .collect(Collectors.joining(", ")) + ")";
            return CompletableFuture.completedFuture(inDoubt(pending, STOPPED_PENDING + ", and " + what));
        }
        JobStatus job = candidates.get(0);
        return new DurableJob(store, executor, pending)
                .write(r -> r.state() == DurableState.PENDING ? r.submitted(job.ref()) : r).thenApply(adopted -> {
            LOG.info("Job under idempotency key '{}' was recorded but its create answer was not; adopted job {} of {},"
                     + " which that create request made", pending.key(), job.ref().id(), provider.name());
            return new Reconciled(adopted, null, null);
        });
    }

    /** The ids of the provider's jobs that records already hold, which no other record may adopt. */
    private static Set<String> jobIds(JobStore store, String provider) {
        Set<String> ids = new HashSet<>();
        for (JobRecord r : store.list(EnumSet.complementOf(EnumSet.of(DurableState.PENDING)))) {
            if (r.ref() != null && provider.equals(r.provider())) {
                ids.add(r.ref().id());
            }
        }
        return ids;
    }

    private static Reconciled inDoubt(JobRecord pending, String why) {
        JobError reason = new JobError(null, why, ErrorCategory.UNKNOWN, null);
        JobRecord described = new JobRecord(pending.format(), pending.key(), pending.version(), pending.provider(),
                pending.ref(), pending.requestDigest(), pending.state(), pending.costEstimateUsd(),
                pending.outputFile(), pending.headers(), pending.owner(), pending.leaseExpiresAt(),
                pending.createdAt(), pending.updatedAt(), reason, pending.partOf(), pending.request());
        LOG.warn("Job under idempotency key '{}' ({}, created {}) is in doubt: {}. The provider may have accepted and"
                 + " may charge for it, so it is not sent again; look for it in the provider's job list",
                pending.key(), pending.provider(), pending.createdAt(), why);
        return new Reconciled(pending, VideoJobRunner.inDoubt(described), reason);
    }

    /** Records a job reported in doubt, once its report was delivered. */
    public static CompletionStage<JobRecord> recordInDoubt(JobStore store, JobRecord pending, JobError reason,
                                                           Executor executor) {
        // an owner that was alive after all may have stored the answer meanwhile: then its record stands
        return new DurableJob(store, executor, pending)
                .write(r -> r.state() == DurableState.PENDING ? r.inDoubt(reason) : r);
    }
}
