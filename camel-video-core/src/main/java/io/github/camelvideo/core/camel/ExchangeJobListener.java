package io.github.camelvideo.core.camel;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ManagementStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.job.JobListener;
import io.github.camelvideo.core.job.ProgressLog;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * Follows one exchange's job: logs its progress, puts the job id on the exchange as soon as the provider accepted it
 * (so that even a later failure names the job), keeps the latest status and percentage in the exchange properties
 * {@value #STATUS_PROPERTY} and {@value #PROGRESS_PROPERTY}, and sends a {@link VideoJobProgressEvent} to Camel's
 * event notifiers each time they change.
 */
public final class ExchangeJobListener implements JobListener {

    /** The exchange property holding the job's latest status, such as {@code in_progress}. */
    public static final String STATUS_PROPERTY = "CamelVideoJobStatus";
    /** The exchange property holding the job's latest percentage done (an Integer; absent when not known). */
    public static final String PROGRESS_PROPERTY = "CamelVideoJobProgress";

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeJobListener.class);

    private final Exchange exchange;
    private final String jobIdHeader;
    private final ProgressLog log = new ProgressLog();
    private volatile String lastSeen;

    public ExchangeJobListener(Exchange exchange, String jobIdHeader) {
        this.exchange = exchange;
        this.jobIdHeader = jobIdHeader;
    }

    @Override
    public void onSubmitted(JobStatus status) {
        log.onSubmitted(status);
        exchange.getMessage().setHeader(jobIdHeader, status.ref().id());
        progressed(status, Duration.ZERO);
    }

    @Override
    public void onStatus(JobStatus status, Duration elapsed) {
        log.onStatus(status, elapsed);
        progressed(status, elapsed);
    }

    private void progressed(JobStatus status, Duration elapsed) {
        String seen = status.status() + "/" + status.progress();
        if (seen.equals(lastSeen)) {
            return;
        }
        lastSeen = seen;
        exchange.setProperty(STATUS_PROPERTY, status.status());
        if (status.progress() != null) {
            exchange.setProperty(PROGRESS_PROPERTY, status.progress());
        }
        notifyProgress(status, elapsed);
    }

    private void notifyProgress(JobStatus status, Duration elapsed) {
        ManagementStrategy management = exchange.getContext().getManagementStrategy();
        if (management == null || management.getEventNotifiers().isEmpty()) {
            return;
        }
        try {
            management.notify(new VideoJobProgressEvent(exchange, status.ref().id(), status.ref().provider(),
                    status.status(), status.progress(), elapsed));
        } catch (Exception e) {
            // a failing notifier must not end the wait of a paid job
            LOG.debug("An event notifier failed on the progress of video job {}", status.ref().id(), e);
        }
    }
}
