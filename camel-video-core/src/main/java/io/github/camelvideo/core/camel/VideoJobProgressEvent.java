package io.github.camelvideo.core.camel;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;

/**
 * A job's status changed while its exchange waits: sent to Camel's event notifiers (of type
 * {@link CamelEvent.Type#Custom}) on every change of status or percentage, so that a route or a monitoring bean can
 * follow a job that takes minutes. The exchange is the one waiting; do not route it from a notifier.
 */
public final class VideoJobProgressEvent implements CamelEvent.ExchangeEvent {

    private final Exchange exchange;
    private final String jobId;
    private final String provider;
    private final String status;
    private final Integer progress;
    private final Duration elapsed;
    private long timestamp;

    public VideoJobProgressEvent(Exchange exchange, String jobId, String provider, String status, Integer progress,
                                 Duration elapsed) {
        this.exchange = exchange;
        this.jobId = jobId;
        this.provider = provider;
        this.status = status;
        this.progress = progress;
        this.elapsed = elapsed;
    }

    @Override
    public Type getType() {
        return Type.Custom;
    }

    @Override
    public Exchange getExchange() {
        return exchange;
    }

    /** The provider's job id. */
    public String getJobId() {
        return jobId;
    }

    /** The provider's name, such as {@code openai}. */
    public String getProvider() {
        return provider;
    }

    /** The provider's status, such as {@code in_progress}. */
    public String getStatus() {
        return status;
    }

    /** The percentage done, or {@code null} when the provider does not say. */
    public Integer getProgress() {
        return progress;
    }

    /** The time since the exchange reached the producer. */
    public Duration getElapsed() {
        return elapsed;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public String toString() {
        return "Video job " + jobId + " " + status + (progress == null ? "" : " " + progress + "%") + " after "
               + elapsed.toMillis() / 1000.0 + "s";
    }
}
