package io.github.camelvideo.core.job;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.poll.JobScheduler;

/** Non-blocking waits on the engine's scheduler. */
final class Delays {

    private Delays() {
    }

    /** A stage that completes after the delay, without holding a thread meanwhile. */
    static CompletionStage<Void> after(JobScheduler scheduler, Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(null), delay);
        return done;
    }
}
