package io.github.camelvideo.core.ops;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.apache.camel.CamelContext;

/**
 * Job metrics as Micrometer meters in a {@link MeterRegistry}. Every job meter is tagged {@code component},
 * {@code provider} and {@code model}:
 * <ul>
 * <li>{@value #SUBMITTED}, {@value #SUCCEEDED}, {@value #FAILED} (also tagged {@code type}, the exception's simple
 * name), {@value #IN_DOUBT}: counters of jobs;</li>
 * <li>{@value #WAITING}: gauge of the jobs waiting for their final status;</li>
 * <li>{@value #WAIT} and {@value #DOWNLOAD}: timers of the wait for the final status and of the download;</li>
 * <li>{@value #SPEND}: counter of the estimated cost of finished jobs, in US dollars;</li>
 * <li>{@value #STATUS_READS}: counter of status reads (polls);</li>
 * <li>{@value #WEBHOOK_ACCEPTED} and {@value #WEBHOOK_REFUSED} (also tagged {@code reason}): counters of webhook
 * deliveries, tagged {@code component} and {@code provider} only.</li>
 * </ul>
 * Micrometer is an optional dependency: this class is loaded only when it is on the classpath.
 */
public final class MicrometerJobMetrics implements JobMetrics {

    /** The name under which camel-micrometer binds its registry, looked up first. */
    public static final String REGISTRY_NAME = "metricsRegistry";

    public static final String SUBMITTED = "camel.video.jobs.submitted";
    public static final String SUCCEEDED = "camel.video.jobs.succeeded";
    public static final String FAILED = "camel.video.jobs.failed";
    public static final String IN_DOUBT = "camel.video.jobs.in.doubt";
    public static final String WAITING = "camel.video.jobs.waiting";
    public static final String WAIT = "camel.video.jobs.wait";
    public static final String DOWNLOAD = "camel.video.jobs.download";
    public static final String SPEND = "camel.video.spend.estimated";
    public static final String STATUS_READS = "camel.video.status.reads";
    public static final String WEBHOOK_ACCEPTED = "camel.video.webhook.deliveries.accepted";
    public static final String WEBHOOK_REFUSED = "camel.video.webhook.deliveries.refused";

    private final MeterRegistry registry;

    public MicrometerJobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The metrics of the context's meter registry: the one bound as {@value #REGISTRY_NAME} (as camel-micrometer
     * does), else the only {@link MeterRegistry} in Camel's registry; {@link JobMetrics#NONE} when there is none.
     */
    public static JobMetrics lookup(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return registry == null ? NONE : new MicrometerJobMetrics(registry);
    }

    private static Tags tags(JobTags t) {
        return Tags.of("component", t.component(), "provider", t.provider(), "model", t.model());
    }

    private void count(String name, String description, Tags tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    @Override
    public void submitted(JobTags tags) {
        count(SUBMITTED, "Jobs accepted by the provider or re-attached", tags(tags));
    }

    @Override
    public void succeeded(JobTags tags) {
        count(SUCCEEDED, "Jobs that finished and were delivered", tags(tags));
    }

    @Override
    public void failed(JobTags tags, String type) {
        count(FAILED, "Jobs or submissions that failed, by exception type", tags(tags).and("type", type));
    }

    @Override
    public void inDoubt(JobTags tags) {
        count(IN_DOUBT, "Submissions whose outcome is not known", tags(tags));
    }

    @Override
    public void waited(JobTags tags, Duration duration) {
        Timer.builder(WAIT).description("Wait from the arrival at the producer to the job's final status")
                .tags(tags(tags)).register(registry).record(duration);
    }

    @Override
    public void downloaded(JobTags tags, Duration duration) {
        Timer.builder(DOWNLOAD).description("Download of a finished job's result").tags(tags(tags))
                .register(registry).record(duration);
    }

    @Override
    public void spent(JobTags tags, BigDecimal usd) {
        Counter.builder(SPEND).description("Estimated cost of finished jobs").baseUnit("usd").tags(tags(tags))
                .register(registry).increment(usd.doubleValue());
    }

    @Override
    public void statusRead(JobTags tags) {
        count(STATUS_READS, "Status reads of jobs", tags(tags));
    }

    @Override
    public void webhookAccepted(String component, String provider) {
        count(WEBHOOK_ACCEPTED, "Webhook deliveries verified and accepted",
                Tags.of("component", component, "provider", provider));
    }

    @Override
    public void webhookRefused(String component, String provider, String reason) {
        count(WEBHOOK_REFUSED, "Webhook deliveries refused",
                Tags.of("component", component, "provider", provider, "reason", reason));
    }

    @Override
    public <T> void waitingGauge(JobTags tags, T source, ToIntFunction<T> counter) {
        Gauge.builder(WAITING, source, s -> counter.applyAsInt(s)).description("Jobs waiting for their final status")
                .tags(tags(tags)).register(registry);
    }
}
