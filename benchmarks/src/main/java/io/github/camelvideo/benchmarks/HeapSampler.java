package io.github.camelvideo.benchmarks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap every few milliseconds while something runs: the most heap in use after a collection (what the
 * work keeps reachable) and the most in use at all (garbage included), both above the level after a full collection
 * at the start.
 */
final class HeapSampler implements AutoCloseable {

    private final long baseline;
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxUsed = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "benchmark-heap-sampler");
        t.setDaemon(true);
        return t;
    });

    HeapSampler() {
        this.baseline = JvmProbe.heapAfterGc();
        maxAfterGc.set(JvmProbe.heapAfterLastGc());
        timer.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        maxAfterGc.accumulateAndGet(JvmProbe.heapAfterLastGc(), Math::max);
        maxUsed.accumulateAndGet(JvmProbe.heapUsed(), Math::max);
    }

    /** Bytes: the most heap reachable after a collection during the run, above the start. */
    long growthAfterGc() {
        sample();
        return Math.max(0, maxAfterGc.get() - baseline);
    }

    /** Bytes: the most heap in use during the run, garbage included, above the start. */
    long peakGrowth() {
        sample();
        return Math.max(0, maxUsed.get() - baseline);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
