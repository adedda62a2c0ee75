package io.github.camelvideo.core.job;

import java.nio.file.Path;
import java.util.Map;

import io.github.camelvideo.core.poll.PollPolicy;

/**
 * How one job is run.
 *
 * @param waitForCompletion wait for a final state (otherwise the submit response is the result)
 * @param download          download the result once the job succeeded
 * @param outputDirectory   where downloads go
 * @param fileName          the download's file name, or {@code null} for {@code <job id>.<extension>}
 * @param variant           which result to download (for example {@code video} or {@code thumbnail})
 * @param pollPolicy        poll schedule and total timeout
 * @param idempotencyKey    key under which the job is recorded in the job store, or {@code null}
 * @param storedHeaders     headers of the submitting exchange saved with the job, to restore with its result
 * @param resubmitFailed    whether a job recorded as failed under the key is submitted again (a storyboard scene);
 *                          otherwise the attempt fails the way the recorded job did
 * @param spendCap          the spending limit a new job must fit under, or {@code null} for none
 * @param partOf            the idempotency key of the larger job this job is a part of (a storyboard's), or
 *                          {@code null}; a part is collected by its whole job only, never by a completion consumer
 * @param collecting        whether a completion consumer runs the job (resumed after a restart or left by its
 *                          submitter): a failure is then recorded only once the consumer's route received it, so a
 *                          failed delivery is retried
 */
public record JobOptions(boolean waitForCompletion, boolean download, Path outputDirectory, String fileName,
                         String variant, PollPolicy pollPolicy, String idempotencyKey,
                         Map<String, String> storedHeaders, boolean resubmitFailed, SpendCap spendCap,
                         String partOf, boolean collecting) {

    public JobOptions {
        storedHeaders = storedHeaders == null ? Map.of() : Map.copyOf(storedHeaders);
    }

    /** Options without stored headers. */
    public JobOptions(boolean waitForCompletion, boolean download, Path outputDirectory, String fileName,
                      String variant, PollPolicy pollPolicy, String idempotencyKey) {
        this(waitForCompletion, download, outputDirectory, fileName, variant, pollPolicy, idempotencyKey, Map.of(),
                false, null, null, false);
    }

    /** These options, with the headers to save with the job. */
    public JobOptions withStoredHeaders(Map<String, String> headers) {
        return new JobOptions(waitForCompletion, download, outputDirectory, fileName, variant, pollPolicy,
                idempotencyKey, headers, resubmitFailed, spendCap, partOf, collecting);
    }

    /** These options, submitting again a job recorded as failed under the key. */
    public JobOptions resubmittingFailed() {
        return new JobOptions(waitForCompletion, download, outputDirectory, fileName, variant, pollPolicy,
                idempotencyKey, storedHeaders, true, spendCap, partOf, collecting);
    }

    /** These options, with a spending limit ({@code null}: none). */
    public JobOptions withSpendCap(SpendCap cap) {
        return new JobOptions(waitForCompletion, download, outputDirectory, fileName, variant, pollPolicy,
                idempotencyKey, storedHeaders, resubmitFailed, cap, partOf, collecting);
    }

    /** These options, for a part of the larger job recorded under {@code wholeKey}. */
    public JobOptions partOf(String wholeKey) {
        return new JobOptions(waitForCompletion, download, outputDirectory, fileName, variant, pollPolicy,
                idempotencyKey, storedHeaders, resubmitFailed, spendCap, wholeKey, collecting);
    }

    /** These options, for a job a completion consumer runs. */
    public JobOptions collected() {
        return new JobOptions(waitForCompletion, download, outputDirectory, fileName, variant, pollPolicy,
                idempotencyKey, storedHeaders, resubmitFailed, spendCap, partOf, true);
    }

    /** Whether the variant is the video itself rather than an image. */
    public boolean videoVariant() {
        return variant == null || "video".equalsIgnoreCase(variant);
    }
}
