package io.github.camelvideo.core.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link JobScheduler} on one timer thread and the system clock. The timer only keeps time: when a task falls due
 * it is handed to one of the engine's pools, so polls and JSON never run on the timer thread and a slow task cannot
 * delay the timers behind it.
 * <p>
 * The timer executor must have an unbounded queue (a {@link java.util.concurrent.ScheduledThreadPoolExecutor} does,
 * unless wrapped with a size limit), and so must the hand-off executor: waiting jobs are timers, and a bounded queue
 * would turn a big batch into rejected jobs.
 */
public final class ExecutorJobScheduler implements JobScheduler {

    private final ScheduledExecutorService timer;
    private final Executor handOff;
    private final Clock clock;

    /**
     * @param timer   keeps the timers; its thread only hands due tasks over
     * @param handOff runs the due tasks
     */
    public ExecutorJobScheduler(ScheduledExecutorService timer, Executor handOff) {
        this(timer, handOff, Clock.systemUTC());
    }

    public ExecutorJobScheduler(ScheduledExecutorService timer, Executor handOff, Clock clock) {
        this.timer = timer;
        this.handOff = handOff;
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /**
     * {@inheritDoc}
     *
     * @throws RejectedExecutionException only once the engine is stopping
     */
    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> f = timer.schedule(() -> handOver(task), Math.max(0, delay.toNanos()),
                TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    private void handOver(Runnable task) {
        try {
            handOff.execute(task);
        } catch (RejectedExecutionException stopping) {
            // only while the engine stops: every wait has been ended already, so the task finds nothing to do
            // and returns at once; running it here is the one way it is not lost
            task.run();
        }
    }
}
