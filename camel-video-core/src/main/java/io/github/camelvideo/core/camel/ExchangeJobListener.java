package io.github.camelvideo.core.camel;

import java.time.Duration;

import org.apache.camel.Exchange;

import io.github.camelvideo.core.job.JobListener;
import io.github.camelvideo.core.job.ProgressLog;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * Follows one exchange's job: logs its progress and puts the job id on the exchange as soon as the provider accepted
 * it, so that even a later failure names the job.
 */
public final class ExchangeJobListener implements JobListener {

    private final Exchange exchange;
    private final String jobIdHeader;
    private final ProgressLog log = new ProgressLog();

    public ExchangeJobListener(Exchange exchange, String jobIdHeader) {
        this.exchange = exchange;
        this.jobIdHeader = jobIdHeader;
    }

    @Override
    public void onSubmitted(JobStatus status) {
        log.onSubmitted(status);
        exchange.getMessage().setHeader(jobIdHeader, status.ref().id());
    }

    @Override
    public void onStatus(JobStatus status, Duration elapsed) {
        log.onStatus(status, elapsed);
    }
}
