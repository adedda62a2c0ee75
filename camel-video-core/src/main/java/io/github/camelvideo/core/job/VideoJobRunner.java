package io.github.camelvideo.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.download.VideoDownloader;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
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

    public VideoJobRunner(JobScheduler scheduler, SubmissionPolicy submissions, JobTracker tracker,
                          VideoDownloader downloader) {
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
        return startOrReattach(provider, request, key, store).thenCompose(status -> {
            listener.onSubmitted(status);
            if (!options.waitForCompletion()) {
                provider.release(status);
                return CompletableFuture.completedFuture(new JobOutcome(status, null, cost));
            }
            return tracker.await(provider, status, options.pollPolicy(), startedAt, listener)
                    .thenApply(done -> succeededOrThrow(provider, done, key, store))
                    .thenCompose(done -> options.download()
                            ? downloadWithin(provider, done, options, startedAt)
                                    .thenApply(f -> new JobOutcome(done, f, cost))
                            : released(provider, new JobOutcome(done, null, cost)));
        });
    }

    private <R extends VideoJobRequest> CompletionStage<JobStatus> startOrReattach(VideoProvider<R> provider,
                                                                                   R request, String key,
                                                                                   JobStore store) {
        JobRecord known = key == null ? null : store.find(key).orElse(null);
        if (known != null) {
            // a redelivery or repeat of an exchange whose job was already accepted: follow that job, pay nothing
            return provider.poll(known.ref()).whenComplete((s, e) -> {
                if (e != null && !Failures.isTransient(e)) {
                    store.remove(key); // the recorded job is gone (deleted, expired): the next attempt starts anew
                }
            });
        }
        return submissions.submit(provider, request).thenApply(status -> {
            if (key != null) {
                store.put(key, new JobRecord(status.ref(), status.state(), scheduler.now()));
            }
            return status;
        });
    }

    private JobStatus succeededOrThrow(VideoProvider<?> provider, JobStatus done, String key,
                                              JobStore store) {
        if (done.state() == JobState.SUCCEEDED) {
            if (key != null) {
                store.put(key, new JobRecord(done.ref(), done.state(), scheduler.now()));
            }
            return done;
        }
        if (key != null) {
            // a failed job is finished: the next attempt under this key must submit a new one
            store.remove(key);
        }
        throw failure(provider.name(), done.ref(), done.error());
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
