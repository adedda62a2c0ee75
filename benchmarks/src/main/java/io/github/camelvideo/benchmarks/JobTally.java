package io.github.camelvideo.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;

import io.github.camelvideo.core.error.VideoException;

/** The outcome of a batch of jobs: how many completed, how many failed and how, and when the last one ended. */
public final class JobTally {

    private final CountDownLatch done;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger typedFailures = new AtomicInteger();
    private final AtomicInteger untypedFailures = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> failureKinds = new ConcurrentHashMap<>();

    public JobTally(int jobs) {
        this.done = new CountDownLatch(jobs);
    }

    /** A job completed. */
    public void completed() {
        completed.incrementAndGet();
        done.countDown();
    }

    /** A job failed with {@code error}; a {@link VideoException} counts as typed. */
    public void failed(Throwable error) {
        if (error instanceof VideoException) {
            typedFailures.incrementAndGet();
        } else {
            untypedFailures.incrementAndGet();
        }
        failureKinds.computeIfAbsent(error.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        done.countDown();
    }

    /** Waits until every job ended or the time is up; true when all ended. */
    /** Counts an exchange that has ended: completed, or failed with its exception. */
    public void ended(Exchange exchange) {
        if (exchange.getException() != null) {
            failed(exchange.getException());
        } else {
            completed();
        }
    }

    public boolean await(long timeoutMillis) throws InterruptedException {
        return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public int completedCount() {
        return completed.get();
    }

    public int typedFailures() {
        return typedFailures.get();
    }

    public int untypedFailures() {
        return untypedFailures.get();
    }

    /** Jobs that failed, typed or not. */
    public int failures() {
        return typedFailures.get() + untypedFailures.get();
    }

    /** Jobs that have not ended. */
    public long pending() {
        return done.getCount();
    }

    /** The failures by exception class, e.g. {@code {RejectedExecutionException=12}}. */
    public String failureSummary() {
        return failureKinds.toString();
    }
}
