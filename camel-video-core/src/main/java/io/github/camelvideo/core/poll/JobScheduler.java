package io.github.camelvideo.core.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and delayed execution for the engine. The production implementation runs on one scheduled executor; tests
 * use a manual clock so poll schedules are checked without real waiting.
 */
public interface JobScheduler {

    /** The current instant. */
    Instant now();

    /** Runs the task once after the delay. The returned handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        void cancel();
    }
}
