package io.github.camelvideo.core.async;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A counting semaphore whose {@link #acquire()} never blocks: when no permit is free the caller gets a stage that
 * completes once one is released. Waiters are served in arrival order.
 */
public final class AsyncPermits {

    private final int limit;
    private final Executor handOff;
    private final Queue<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int available;
    private Throwable closed;

    /**
     * @param limit   number of permits; 0 or less means unlimited
     * @param handOff executor that completes a waiter, so a releasing thread does not run the waiter's work
     */
    public AsyncPermits(int limit, Executor handOff) {
        this.limit = limit;
        this.available = limit;
        this.handOff = handOff;
    }

    /** Returns a stage completing when a permit is held by the caller. */
    public CompletionStage<Void> acquire() {
        synchronized (this) {
            if (closed != null) {
                return CompletableFuture.failedFuture(closed);
            }
            if (limit <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            if (available > 0) {
                available--;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            return waiter;
        }
    }

    /**
     * Withdraws a caller that no longer wants the permit it waits for (its deadline passed).
     *
     * @param waiter a stage {@link #acquire()} returned
     * @return {@code true} if it was still waiting and is now withdrawn; {@code false} if a permit was already given
     *         to it, which the caller then holds and must release
     */
    public boolean abandon(CompletionStage<Void> waiter) {
        synchronized (this) {
            return waiters.remove(waiter);
        }
    }

    /** Gives a permit back, waking the oldest waiter if any. */
    public void release() {
        if (limit <= 0) {
            return;
        }
        CompletableFuture<Void> next;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            next = waiters.poll();
            if (next == null) {
                available++;
                return;
            }
        }
        try {
            handOff.execute(() -> next.complete(null));
        } catch (RejectedExecutionException stopping) {
            next.complete(null); // the pool is stopping: the waiter must still learn it holds the permit
        }
    }

    /** Number of callers waiting for a permit. */
    public synchronized int waiting() {
        return waiters.size();
    }

    /** Number of permits currently held. */
    public synchronized int inUse() {
        return limit <= 0 ? 0 : limit - available;
    }

    /** Fails every waiter and every later acquire, for shutdown: nothing queued starts once stopping began. */
    public void close(Throwable cause) {
        Queue<CompletableFuture<Void>> drained;
        synchronized (this) {
            closed = cause;
            drained = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        drained.forEach(w -> w.completeExceptionally(cause));
    }
}
