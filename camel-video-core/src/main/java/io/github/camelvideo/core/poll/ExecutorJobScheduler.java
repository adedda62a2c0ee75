package io.github.camelvideo.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link JobScheduler} on a {@link ScheduledExecutorService} and the system clock. */
public final class ExecutorJobScheduler implements JobScheduler {

    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorJobScheduler(ScheduledExecutorService executor) {
        this(executor, Clock.systemUTC());
    }

    public ExecutorJobScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }
}
