package io.github.camelvideo.core.job;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.download.VideoDownloader;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoJobFailedException;
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
        return admission.acquire()
                .thenCompose(held -> runAdmitted(provider, request, options, store, cost, listener)
                        .whenComplete((o, e) -> admission.release()));
    }

    private <R extends VideoJobRequest> CompletionStage<JobOutcome> runAdmitted(VideoProvider<R> provider,
                                                                                R request, JobOptions options,
                                                                                JobStore store, CostEstimate cost,
                                                                                JobListener listener) {
        Instant startedAt = scheduler.now();
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
                            ? download(provider, done, options).thenApply(f -> new JobOutcome(done, f, cost))
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
