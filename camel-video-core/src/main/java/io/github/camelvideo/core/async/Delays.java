package io.github.camelvideo.core.async;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelvideo.core.poll.JobScheduler;

/** Non-blocking waits and deadlines on the engine's scheduler. */
public final class Delays {

    private Delays() {
    }

    /** A stage that completes after the delay, without holding a thread meanwhile. */
    public static CompletionStage<Void> after(JobScheduler scheduler, Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            scheduler.schedule(() -> done.complete(null), delay);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * The stage's result, or the timeout's failure if the deadline comes first. A result that arrives too late is
     * handed to {@code late} so that what it holds (a file) can be cleaned up.
     */
    public static <T> CompletionStage<T> within(JobScheduler scheduler, Instant deadline, CompletionStage<T> stage,
                                         Supplier<? extends Throwable> timeout, Consumer<T> late) {
        CompletableFuture<T> bounded = new CompletableFuture<>();
        JobScheduler.Cancellable timer;
        try {
            timer = scheduler.schedule(() -> bounded.completeExceptionally(timeout.get()),
                    Duration.between(scheduler.now(), deadline));
        } catch (RuntimeException e) {
            bounded.completeExceptionally(e);
            timer = null;
        }
        JobScheduler.Cancellable scheduled = timer;
        stage.whenComplete((value, error) -> {
            if (scheduled != null) {
                scheduled.cancel();
            }
            boolean first = error != null ? bounded.completeExceptionally(error) : bounded.complete(value);
            if (!first && value != null) {
                late.accept(value);
            }
        });
        return bounded;
    }
}
