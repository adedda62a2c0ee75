package io.github.camelvideo.core.job;

import java.nio.file.Path;

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
 */
public record JobOptions(boolean waitForCompletion, boolean download, Path outputDirectory, String fileName,
                         String variant, PollPolicy pollPolicy, String idempotencyKey) {

    /** Whether the variant is the video itself rather than an image. */
    public boolean videoVariant() {
        return variant == null || "video".equalsIgnoreCase(variant);
    }
}
