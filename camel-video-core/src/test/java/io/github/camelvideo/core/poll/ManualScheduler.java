package io.github.camelvideo.core.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** A scheduler on a manual clock: tasks run only when the test advances time. */
public final class ManualScheduler implements JobScheduler {

    private record Task(Instant due, long seq, Runnable action) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparing(Task::due).thenComparingLong(Task::seq));
    private final List<Duration> requestedDelays = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long seq;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable action, Duration delay) {
        requestedDelays.add(delay);
        Task t = new Task(now.plus(delay), seq++, action);
        tasks.add(t);
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(t);
            }
        };
    }

    /** Advances the clock, running every task that falls due, in order. */
    public void advance(Duration d) {
        Instant target;
        synchronized (this) {
            target = now.plus(d);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due().isAfter(target)) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due();
            }
            next.action().run();
        }
    }

    public synchronized List<Duration> requestedDelays() {
        return List.copyOf(requestedDelays);
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
