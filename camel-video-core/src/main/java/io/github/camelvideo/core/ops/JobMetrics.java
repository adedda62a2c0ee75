package io.github.camelvideo.core.ops;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * Where the engine reports what its jobs do, for a metrics system. The names and tags of the Micrometer meters are
 * listed in {@link MicrometerJobMetrics}; without a meter registry {@link #NONE} records nothing. Calls are quick and
 * never fail.
 */
public interface JobMetrics {

    /** A job was accepted by the provider (or an earlier job was re-attached). */
    void submitted(JobTags tags);

    /** A job finished and its result was delivered. */
    void succeeded(JobTags tags);

    /**
     * A job, or the attempt to submit one, failed.
     *
     * @param type the simple name of the exception the exchange failed with
     */
    void failed(JobTags tags, String type);

    /** A submission whose outcome is not known: it may have been accepted and billed. */
    void inDoubt(JobTags tags);

    /** How long a job waited, from its arrival at the producer to its final status. */
    void waited(JobTags tags, Duration duration);

    /** How long the download of a finished job's result took. */
    void downloaded(JobTags tags, Duration duration);

    /** The estimated cost of a finished job, in US dollars. */
    void spent(JobTags tags, BigDecimal usd);

    /** One status read of a job (a poll, or an operation that fetches a job's status). */
    void statusRead(JobTags tags);

    /**
     * A webhook delivery was verified and accepted. Incremented by the webhook receiver of a component.
     *
     * @param component the component's scheme
     * @param provider  the provider that sent it
     */
    void webhookAccepted(String component, String provider);

    /**
     * A webhook delivery was refused (bad signature, replay, unknown job). Incremented by the webhook receiver of a
     * component.
     *
     * @param reason a short reason, such as {@code signature} or {@code replay}
     */
    void webhookRefused(String component, String provider, String reason);

    /**
     * Publishes the number of jobs waiting with these tags, read from {@code counter} when the metrics system asks.
     * Called once per set of tags.
     */
    <T> void waitingGauge(JobTags tags, T source, ToIntFunction<T> counter);

    /** Records nothing. */
    JobMetrics NONE = new JobMetrics() {
        @Override
        public void submitted(JobTags tags) {
        }

        @Override
        public void succeeded(JobTags tags) {
        }

        @Override
        public void failed(JobTags tags, String type) {
        }

        @Override
        public void inDoubt(JobTags tags) {
        }

        @Override
        public void waited(JobTags tags, Duration duration) {
        }

        @Override
        public void downloaded(JobTags tags, Duration duration) {
        }

        @Override
        public void spent(JobTags tags, BigDecimal usd) {
        }

        @Override
        public void statusRead(JobTags tags) {
        }

        @Override
        public void webhookAccepted(String component, String provider) {
        }

        @Override
        public void webhookRefused(String component, String provider, String reason) {
        }

        @Override
        public <T> void waitingGauge(JobTags tags, T source, ToIntFunction<T> counter) {
        }
    };
}
