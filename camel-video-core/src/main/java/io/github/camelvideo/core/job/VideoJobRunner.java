package io.github.camelvideo.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.camelvideo.core.async.AsyncPermits;
import io.github.camelvideo.core.async.Delays;
import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.download.VideoDownloader;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.media.MediaType;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.poll.JobScheduler;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * Runs one job from request to file: admission, submission (or re-attachment to the job recorded under the same
 * idempotency key), waiting, failure translation and download. Every step is asynchronous.
 */
public final class VideoJobRunner {

    private final JobScheduler scheduler;
    private final SubmissionPolicy submissions;
    private final JobTracker tracker;
    private final VideoDownloader downloader;

    private final Executor storeExecutor;
    private final JobLeases leases;
    private final java.util.Map<String, CompletableFuture<JobRecovery.Reconciled>> reconciling =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A runner whose jobs are leased to no instance: for stores nobody else reads.
     *
     * @param storeExecutor where job store calls run: file and database stores block while they write, so they run
     *                      on the engine's worker pool, never on an HTTP or timer thread
     */
    public VideoJobRunner(JobScheduler scheduler, SubmissionPolicy submissions, JobTracker tracker,
                          VideoDownloader downloader, Executor storeExecutor) {
        this(scheduler, submissions, tracker, downloader, storeExecutor, null);
    }

    /**
     * @param storeExecutor where job store calls run: file and database stores block while they write, so they run
     *                      on the engine's worker pool, never on an HTTP or timer thread
     * @param leases        the leases of this instance on the jobs it works on, or {@code null} for none
     */
    public VideoJobRunner(JobScheduler scheduler, SubmissionPolicy submissions, JobTracker tracker,
                          VideoDownloader downloader, Executor storeExecutor, JobLeases leases) {
        this.leases = leases;
        this.storeExecutor = storeExecutor;
        this.scheduler = scheduler;
        this.submissions = submissions;
        this.tracker = tracker;
        this.downloader = downloader;
    }

    /**
     * Runs a job.
     *
     * @param admission permits bounding how many jobs run at once; the job waits for one without holding a thread
     * @param store     where the job is recorded under {@link JobOptions#idempotencyKey()}
     * @param cost      the estimate made before submission, or {@code null}
     */
    public <R extends VideoJobRequest> CompletionStage<JobOutcome> run(VideoProvider<R> provider, R request,
                                                                       JobOptions options, AsyncPermits admission,
                                                                       JobStore store, CostEstimate cost,
                                                                       JobListener listener) {
        // the timeout bounds the whole wait: the queue for a slot, the submission, the polls and the download
        Instant startedAt = scheduler.now();
        AtomicReference<JobRef> submitted = new AtomicReference<>();
        JobListener tracking = new JobListener() {
            @Override
            public void onSubmitted(JobStatus status) {
                submitted.set(status.ref());
                listener.onSubmitted(status);
            }

            @Override
            public void onStatus(JobStatus status, Duration elapsed) {
                listener.onStatus(status, elapsed);
            }
        };
        return admitted(provider, admission, options, startedAt)
                .thenCompose(held -> started(() -> runAdmitted(provider, request, options, store, cost, tracking,
                        startedAt)).whenComplete((o, e) -> admission.release()))
                .handle((outcome, error) -> {
                    if (error != null) {
                        throw typed(provider.name(), submitted.get(), error);
                    }
                    return outcome;
                });
    }

    /** The stage a step returns, or its failure as a stage when it throws, so that the slot is released. */
    private static <T> CompletionStage<T> started(Supplier<CompletionStage<T>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A failure as a {@link VideoException}: an unexpected one (a bug, a rejected task) still ends the exchange
     * with the job id, so the paid job can be fetched.
     */
    static VideoException typed(String provider, JobRef ref, Throwable error) {
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof VideoException ve) {
            return ve;
        }
        String id = ref == null ? null : ref.id();
        return new VideoException("Video job " + (id == null ? "submission" : id) + " failed unexpectedly: " + cause
                                  + (id == null ? "" : "; the job may continue at the provider and can be fetched"
                                                       + " by its id"), provider, id, null, true, cause);
    }

    /** A slot of {@code admission}, or a timeout if none is free before the job's deadline. */
    private CompletionStage<Void> admitted(VideoProvider<?> provider, AsyncPermits admission, JobOptions options,
                                           Instant startedAt) {
        CompletableFuture<Void> slot = admission.acquire().toCompletableFuture();
        if (slot.isDone()) {
            return slot;
        }
        Duration timeout = options.pollPolicy().timeout();
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        JobScheduler.Cancellable timer;
        try {
            timer = scheduler.schedule(() -> {
                if (admission.abandon(slot)) {
                    bounded.completeExceptionally(VideoJobTimeoutException.beforeSubmission(provider.name(),
                            timeout));
                }
            }, Duration.between(scheduler.now(), startedAt.plus(timeout)));
        } catch (RuntimeException e) {
            admission.abandon(slot);
            return CompletableFuture.failedFuture(e);
        }
        slot.whenComplete((v, e) -> {
            timer.cancel();
            if (e != null) {
                bounded.completeExceptionally(e);
            } else {
                bounded.complete(null);
            }
        });
        return bounded;
    }

    private <R extends VideoJobRequest> CompletionStage<JobOutcome> runAdmitted(VideoProvider<R> provider,
                                                                                R request, JobOptions options,
                                                                                JobStore store, CostEstimate cost,
                                                                                JobListener listener,
                                                                                Instant startedAt) {
        String key = options.idempotencyKey();
        if (key == null) {
            return follow(provider, submissions.submit(provider, request), null, options, cost, listener, startedAt);
        }
        boolean leased = leased(options);
        JobRecord pending = JobRecord.pending(key, provider.name(), request.fingerprint(),
                cost == null ? null : cost.usd(), options.storedHeaders())
                .describing(options.partOf(), request.requestFields());
        // the intent is recorded before the paid call leaves: a crash after it leaves a PENDING record, never a
        // job nobody knows about; its lease starts when it is written, however long the write queued
        CompletionStage<JobOutcome> run = DurableJob.create(store, storeExecutor,
                        () -> leased ? pending.withLease(leases.owner(), leases.until()) : pending,
                        options.spendCap(), scheduler.now())
                .thenCompose(creation -> leased ? held(store, creation) : CompletableFuture.completedFuture(creation))
                .thenCompose(creation -> {
            DurableJob job = new DurableJob(store, storeExecutor, creation.record());
            if (!creation.created() && !creation.record().provider().equals(provider.name())) {
                throw new VideoRequestInvalidException("The idempotency key '" + key + "' is already used by a job of"
                                                       + " provider " + creation.record().provider() + ", not "
                                                       + provider.name() + "; give each job its own key",
                        "idempotencyKey", provider.name(), null, null, null);
            }
            if (!creation.created() && creation.record().state() == DurableState.FAILED && options.resubmitFailed()) {
                // a storyboard attempt makes a failed scene again: a new job, paid again
                return job.remove().thenCompose(v -> runAdmitted(provider, request, options, store, cost, listener,
                        startedAt));
            }
            if (creation.created()) {
                return follow(provider, submitRecorded(provider, request, job), job, options, cost, listener,
                        startedAt);
            }
            return reattach(provider, job, options, cost, listener, startedAt);
        });
        return leased && !options.collecting() ? run.whenComplete((o, e) -> afterRun(key, options, e)) : run;
    }

    /** Whether jobs run with these options are leased: whole jobs, when the runner has leases. */
    private boolean leased(JobOptions options) {
        return leases != null && options.partOf() == null && options.idempotencyKey() != null;
    }

    /**
     * The created record, its lease held; or the existing record, leased to this instance too when nobody else holds
     * it (a redelivered exchange takes its job over from an instance that died).
     */
    private CompletionStage<JobStore.Creation> held(JobStore store, JobStore.Creation creation) {
        String key = creation.record().key();
        // held before the claim, so that this instance's jobs consumer leaves the job to the exchange; a lease
        // another instance still holds is claimed by a later renewal once it expired
        leases.attach(key);
        if (creation.created()) {
            return CompletableFuture.completedFuture(creation);
        }
        return CompletableFuture.supplyAsync(() -> {
            store.claim(key, leases.owner(), leases.until());
            return creation;
        }, storeExecutor);
    }

    /**
     * A failed job's lease is left to expire, so that a quick redelivery finds it first and a completion consumer
     * after it; the job of a submitter that does not wait is given up at once, for the completion consumer. A job
     * whose result the exchange received stays leased until the exchange completes ({@link #delivered}).
     */
    private void afterRun(String key, JobOptions options, Throwable error) {
        if (error != null) {
            leases.drop(key);
        } else if (!options.waitForCompletion()) {
            leases.release(key);
        }
    }

    /**
     * Reconciles a {@code PENDING} record once in this instance, however many callers ask at the same time (an
     * exchange re-attaching and the jobs consumer): two searches of the list would each see the other's adoption as
     * a job already taken, and report in doubt a job that was found.
     */
    public CompletionStage<JobRecovery.Reconciled> reconcileOnce(VideoProvider<?> provider, JobStore store,
                                                                 JobRecord pending) {
        CompletableFuture<JobRecovery.Reconciled> mine = new CompletableFuture<>();
        CompletableFuture<JobRecovery.Reconciled> running = reconciling.putIfAbsent(pending.key(), mine);
        if (running != null) {
            return running;
        }
        JobRecovery.reconcile(provider, store, pending, storeExecutor).whenComplete((found, error) -> {
            reconciling.remove(pending.key(), mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(found);
            }
        });
        return mine;
    }

    /** The leases of this instance, or {@code null} when it keeps none. */
    public JobLeases leases() {
        return leases;
    }

    /** The exchange that received the result of the job under {@code key} completed: its lease is no longer kept. */
    public void exchangeDone(String key) {
        if (leases != null) {
            leases.drop(key);
        }
    }

    /** Sends the create request of a recorded job and stores the provider's job reference before going on. */
    private <R extends VideoJobRequest> CompletionStage<JobStatus> submitRecorded(VideoProvider<R> provider,
                                                                                  R request, DurableJob job) {
        return submissions.submit(provider, request).handle((status, error) -> {
            if (error == null) {
                return job.write(r -> r.submitted(status.ref())).thenApply(r -> status);
            }
            Throwable cause = Failures.unwrap(error);
            CompletionStage<?> recorded = cause instanceof VideoSubmissionInDoubtException
                    // it may have been accepted and billed: kept, never sent again
                    ? job.write(r -> r.inDoubt(new JobError(null, cause.getMessage(), ErrorCategory.UNKNOWN, null)))
                    // refused before it was accepted (4xx, unreachable): nothing paid, a later attempt may submit
                    : job.remove();
            return recorded.<JobStatus> handle((r, e) -> {
                throw new CompletionException(cause);
            });
        }).thenCompose(s -> s);
    }

    /**
     * Follows the job already recorded under the key, whatever its state, without sending a create request: a running
     * job is waited for, a finished one's file delivered (downloaded again when the file is gone), a failed one fails
     * the same way, and one whose create request may or may not have been accepted fails as in doubt.
     */
    private CompletionStage<JobOutcome> reattach(VideoProvider<?> provider, DurableJob job, JobOptions options,
                                                 CostEstimate cost, JobListener listener, Instant startedAt) {
        JobRecord known = job.current();
        switch (known.state()) {
            case PENDING:
                return reconciled(provider, job, options, cost, listener, startedAt);
            case IN_DOUBT:
                return CompletableFuture.failedFuture(inDoubt(known));
            case FAILED:
                return CompletableFuture.failedFuture(known.ref() == null ? inDoubt(known)
                        : failure(provider.name(), known.ref(), known.failure()));
            case DOWNLOADED, DELIVERED:
                if (options.download() && options.waitForCompletion() && known.outputFile() != null
                    && Files.isRegularFile(known.outputFile())) {
                    return provider.poll(known.ref()).thenCompose(status -> {
                        listener.onSubmitted(status);
                        provider.release(status);
                        return kept(known.outputFile()).thenApply(file -> new JobOutcome(status, file, cost));
                    });
                }
                return follow(provider, provider.poll(known.ref()), job, options, cost, listener, startedAt);
            default:
                return follow(provider, provider.poll(known.ref()), job, options, cost, listener, startedAt);
        }
    }

    /**
     * A {@code PENDING} record under the key: when this instance can take its lease, nobody is submitting it any more
     * (a run that stopped before storing the create answer), so the job its create request made is looked for in
     * the provider's list and followed when found, and recorded in doubt otherwise. A lease another instance holds
     * means the create request is being sent right now: in doubt, without a write.
     */
    private CompletionStage<JobOutcome> reconciled(VideoProvider<?> provider, DurableJob job, JobOptions options,
                                                   CostEstimate cost, JobListener listener, Instant startedAt) {
        JobRecord pending = job.current();
        if (leases == null) {
            return CompletableFuture.failedFuture(inDoubt(pending));
        }
        JobStore store = job.store();
        return CompletableFuture.supplyAsync(() -> claimOrRead(store, pending.key()), storeExecutor)
                .thenCompose(current -> {
                    if (current.state() != DurableState.PENDING) {
                        // its owner stored the answer meanwhile: followed like any recorded job
                        return reattach(provider, new DurableJob(store, storeExecutor, current), options, cost,
                                listener, startedAt);
                    }
                    if (!leases.owner().equals(current.owner())) {
                        return afterLease(current, options, startedAt).thenCompose(v -> reconciled(provider,
                                new DurableJob(store, storeExecutor, current), options, cost, listener, startedAt));
                    }
                    return adoptedOrInDoubt(provider, store, current, options, cost, listener, startedAt);
                });
    }

    /** The record with this instance's lease when it could take it, else as stored (another owner holds it). */
    private JobRecord claimOrRead(JobStore store, String key) {
        return store.claim(key, leases.owner(), leases.until()).or(() -> store.find(key))
                .orElseThrow(() -> new JobStoreException("The job recorded under key '" + key
                                                         + "' was removed while it was re-attached"));
    }

    /**
     * Completes once the live lease of another owner on a {@code PENDING} record has expired (that owner may still be
     * sending the create request, or it died a moment ago), or fails as in doubt when that is after the job's
     * deadline.
     */
    private CompletionStage<Void> afterLease(JobRecord pending, JobOptions options, Instant startedAt) {
        Instant deadline = startedAt.plus(options.pollPolicy().timeout());
        Instant expiry = pending.leaseExpiresAt() == null ? scheduler.now() : pending.leaseExpiresAt();
        if (expiry.isAfter(deadline)) {
            return CompletableFuture.failedFuture(inDoubt(pending));
        }
        CompletableFuture<Void> expired = new CompletableFuture<>();
        Duration wait = Duration.between(scheduler.now(), expiry).plusMillis(10);
        scheduler.schedule(() -> expired.complete(null), wait.isNegative() ? Duration.ZERO : wait);
        return expired;
    }

    private CompletionStage<JobOutcome> adoptedOrInDoubt(VideoProvider<?> provider, JobStore store, JobRecord claimed,
                                                         JobOptions options, CostEstimate cost, JobListener listener,
                                                         Instant startedAt) {
        return reconcileOnce(provider, store, claimed)
                .thenCompose(found -> {
                    if (found.adopted()) {
                        DurableJob adopted = new DurableJob(store, storeExecutor, found.record());
                        return follow(provider, provider.poll(found.record().ref()), adopted, options, cost,
                                listener, startedAt);
                    }
                    return JobRecovery.recordInDoubt(store, found.record(), found.reason(), storeExecutor)
                            .<JobOutcome> thenApply(r -> {
                                throw new CompletionException(found.inDoubt());
                            });
                });
    }

    static VideoSubmissionInDoubtException inDoubt(JobRecord known) {
        return new VideoSubmissionInDoubtException("The job recorded under idempotency key '" + known.key()
                                                   + "' is " + known.state() + ": its create request was sent but"
                                                   + " its outcome is not known"
                                                   + (known.failure() == null ? "" : " (" + known.failure().message()
                                                                                     + ")")
                                                   + ". The provider may have accepted and may charge for it, so it"
                                                   + " is not sent again; list the provider's jobs before retrying"
                                                   + " under a new key.", known.provider(), null);
    }

    /** A file downloaded before, probed again on the worker pool. */
    private CompletionStage<DownloadedFile> kept(java.nio.file.Path path) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                long size = Files.size(path);
                MediaType type = path.getFileName().toString().endsWith(".mp4") ? MediaType.MP4 : null;
                byte[] head = new byte[64];
                try (var in = Files.newInputStream(path)) {
                    type = MediaType.detect(Arrays.copyOf(head, in.readNBytes(head, 0, head.length))).orElse(type);
                }
                return new DownloadedFile(path, size, type, type == MediaType.MP4 ? Mp4Probe.probe(path) : null);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, storeExecutor);
    }

    /** Waits for a submitted (or re-attached) job, records how it ended and downloads its result. */
    private CompletionStage<JobOutcome> follow(VideoProvider<?> provider, CompletionStage<JobStatus> started,
                                               DurableJob job, JobOptions options, CostEstimate cost,
                                               JobListener listener, Instant startedAt) {
        return started.thenCompose(status -> {
            listener.onSubmitted(status);
            if (!options.waitForCompletion()) {
                provider.release(status);
                return CompletableFuture.completedFuture(new JobOutcome(status, null, cost));
            }
            return tracker.await(provider, status, options.pollPolicy(), startedAt, listener)
                    .thenCompose(done -> succeededOrThrow(provider, done, job, options))
                    .thenCompose(done -> options.download()
                            ? downloadWithin(provider, done, options, startedAt)
                                    .thenCompose(f -> recordable(job)
                                            ? job.write(r -> r.downloaded(f.path())).thenApply(r -> f)
                                            : CompletableFuture.completedFuture(f))
                                    .thenApply(f -> new JobOutcome(done, f, cost))
                            : released(provider, new JobOutcome(done, null, cost)));
        });
    }

    private CompletionStage<JobStatus> succeededOrThrow(VideoProvider<?> provider, JobStatus done, DurableJob job,
                                                        JobOptions options) {
        if (done.state() == JobState.SUCCEEDED) {
            return CompletableFuture.completedFuture(done);
        }
        RuntimeException failure = failure(provider.name(), done.ref(), done.error());
        JobError error = done.error() != null ? done.error()
                : new JobError(null, "no error details given", ErrorCategory.UNKNOWN, null);
        if (options.collecting()) {
            // recorded once the consumer's route has received it, so that a failed delivery is made again
            return CompletableFuture.failedFuture(new ReportedFailure(failure, error));
        }
        if (!recordable(job)) {
            return CompletableFuture.failedFuture(failure);
        }
        // a failed job is final: a redelivery under the key gets the same failure, and pays nothing again
        return job.write(r -> r.failed(error)).handle((r, e) -> {
            throw new CompletionException(failure);
        });
    }

    /**
     * Follows a recorded job that no exchange waits for (resumed after a restart, taken over from another instance,
     * or left by a submitter that did not wait), for a completion consumer: it is polled and downloaded like any job,
     * and a failure the provider reports is returned, not recorded, until the consumer's route received it
     * ({@link #recordFailure}).
     *
     * @param record a {@code SUBMITTED}, {@code DOWNLOADED} or {@code DELIVERED} record
     */
    public CompletionStage<Collected> resume(VideoProvider<?> provider, JobStore store, JobRecord record,
                                             JobOptions options, JobListener listener) {
        DurableJob job = new DurableJob(store, storeExecutor, record);
        CostEstimate cost = record.costEstimateUsd() == null ? null
                : new CostEstimate(record.costEstimateUsd(), null, 0);
        return started(() -> reattach(provider, job, options.collected(), cost, listener, scheduler.now()))
                .handle((outcome, error) -> {
                    if (error == null) {
                        return new Collected(job.current(), outcome, null, null);
                    }
                    Throwable cause = Failures.unwrap(error);
                    if (cause instanceof ReportedFailure reported) {
                        return new Collected(job.current(), null, reported.typed, reported.error);
                    }
                    throw new CompletionException(typed(provider.name(), record.ref(), cause));
                });
    }

    /**
     * Records the failure of a job collected by {@link #resume}, once its consumer's route received it: a redelivered
     * exchange under its key then fails the same way, and the consumer does not collect it again.
     */
    public CompletionStage<JobRecord> recordFailure(JobStore store, JobRecord record, JobError error) {
        return new DurableJob(store, storeExecutor, record).write(r -> r.failed(error));
    }

    /**
     * What became of a job followed for a completion consumer.
     *
     * @param record  the job's record as last written
     * @param outcome the result, or {@code null} when the job failed
     * @param failure the typed exception of a job the provider reported failed, or {@code null}
     * @param error   the provider's error of a failed job, to record once delivered, or {@code null}
     */
    public record Collected(JobRecord record, JobOutcome outcome, RuntimeException failure, JobError error) {
    }

    /** A failure the provider reported for a collected job, carried to {@link #resume} unrecorded. */
    private static final class ReportedFailure extends RuntimeException {

        private final RuntimeException typed;
        private final transient JobError error;

        ReportedFailure(RuntimeException typed, JobError error) {
            super(typed.getMessage(), typed, false, false);
            this.typed = typed;
            this.error = error;
        }
    }

    /** Whether the job has a record that a later step may still change (a delivered one is final). */
    private static boolean recordable(DurableJob job) {
        return job != null && !job.current().state().isFinal();
    }

    /**
     * Marks the job recorded under {@code key} delivered, once the exchange that received its result completed; a
     * record that is already final (or gone) is left as it is.
     */
    public CompletionStage<Void> delivered(JobStore store, String key) {
        exchangeDone(key);
        return CompletableFuture.runAsync(() -> {
            JobRecord known = store.find(key).orElse(null);
            if (known != null && !known.state().isFinal() && known.ref() != null) {
                new DurableJob(store, Runnable::run, known).write(JobRecord::delivered);
            }
        }, storeExecutor);
    }

    private static CompletionStage<JobOutcome> released(VideoProvider<?> provider, JobOutcome outcome) {
        provider.release(outcome.status());
        return CompletableFuture.completedFuture(outcome);
    }

    /** Translates a failed job's error into the matching exception. */
    public static RuntimeException failure(String provider, JobRef ref, JobError error) {
        JobError e = error != null ? error
                : new JobError(null, "no error details given", ErrorCategory.UNKNOWN, null);
        String message = "Video job " + ref.id() + " failed" + (e.code() != null ? " [" + e.code() + "]" : "")
                         + ": " + e.message();
        if (e.category() == ErrorCategory.CONTENT_POLICY) {
            return new VideoContentPolicyException(message, provider, ref.id(), e.code(), e.reasons());
        }
        return new VideoJobFailedException(message, provider, ref.id(), e.code(),
                e.category() == ErrorCategory.PROVIDER || e.category() == ErrorCategory.RATE_LIMIT);
    }

    private CompletionStage<DownloadedFile> download(VideoProvider<?> provider,
                                                                                       JobStatus done,
                                                                                       JobOptions options) {
        String variant = options.variant() == null ? "video" : options.variant();
        String id = fileSafe(done.ref().id());
        String baseName = options.videoVariant() ? id : id + "-" + variant;
        return downloader.download(provider.downloadSource(done, variant), options.outputDirectory(),
                options.fileName(), baseName, options.videoVariant(), provider.name(), done.ref().id());
    }

    /** Downloads a finished job's result, failing with a timeout that keeps the job id at the job's deadline. */
    private CompletionStage<DownloadedFile> downloadWithin(VideoProvider<?> provider, JobStatus done,
                                                           JobOptions options, Instant startedAt) {
        Duration timeout = options.pollPolicy().timeout();
        return Delays.within(scheduler, startedAt.plus(timeout), download(provider, done, options),
                () -> new VideoJobTimeoutException(provider.name(), done.ref().id(), timeout,
                        done.status() + ", download unfinished"),
                VideoJobRunner::deleteLate);
    }

    /** A download finished after its exchange had timed out: nobody takes the file, so it does not stay. */
    private static void deleteLate(DownloadedFile file) {
        try {
            Files.deleteIfExists(file.path());
        } catch (IOException ignored) {
            // the result is still at the provider; a stray file is only untidy
        }
    }

    /** A job id as a file name: ids that are paths (such as operation names) contribute their last segment. */
    public static String fileSafe(String id) {
        String last = id.substring(id.lastIndexOf('/') + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "job_" + safe : safe;
    }

    /** Downloads a result of an existing job, for operations that only fetch. */
    public CompletionStage<DownloadedFile> download(VideoProvider<?> provider,
                                                                                       JobRef ref,
                                                                                       JobOptions options) {
        return provider.poll(ref).thenCompose(status -> {
            if (status.state() != JobState.SUCCEEDED) {
                throw new VideoRequestInvalidException("Job " + ref.id() + " cannot be downloaded: its status is '"
                                                       + status.status() + "', not completed", "jobId",
                        provider.name(), ref.id(), null, null);
            }
            return download(provider, status, options);
        });
    }
}
