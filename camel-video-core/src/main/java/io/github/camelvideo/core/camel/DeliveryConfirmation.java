package io.github.camelvideo.core.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.job.VideoJobRunner;

/**
 * Marks a job {@code DELIVERED} in the job store once the exchange that received its result completed without an
 * exception, and not before: until then the record stays {@code DOWNLOADED} (or {@code SUBMITTED}), so a failed
 * route, a redelivery or a crash finds the result again instead of losing it. The write runs on the engine's worker
 * pool, whatever thread completes the exchange.
 */
final class DeliveryConfirmation extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryConfirmation.class);

    private final VideoJobRunner runner;
    private final JobStore store;
    private final String key;

    private DeliveryConfirmation(VideoJobRunner runner, JobStore store, String key) {
        this.runner = runner;
        this.store = store;
        this.key = key;
    }

    /** Arranges for the job under {@code key} to be marked delivered when {@code exchange} completes successfully. */
    static void register(Exchange exchange, VideoJobRunner runner, JobStore store, String key) {
        exchange.getExchangeExtension().addOnCompletion(new DeliveryConfirmation(runner, store, key));
    }

    @Override
    public void onComplete(Exchange exchange) {
        runner.delivered(store, key).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("Cannot record the job under idempotency key '{}' as delivered: {}; it stays downloaded, so"
                         + " it may be delivered again", key, e.toString());
            }
        });
    }

    @Override
    public void onFailure(Exchange exchange) {
        // the lease expires: a redelivery soon re-attaches, a jobs consumer collects it after that
        runner.exchangeDone(key);
        LOG.debug("Exchange {} failed: the job under idempotency key '{}' is not marked delivered",
                exchange.getExchangeId(), key);
    }
}
