package io.github.camelvideo.core.job;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * The result of running one job.
 *
 * @param status the last status seen (final when the job was waited for)
 * @param file   the downloaded result, or {@code null} when nothing was downloaded
 * @param cost   the cost estimate, or {@code null} when the model has no price
 */
public record JobOutcome(JobStatus status, DownloadedFile file, CostEstimate cost) {
}
