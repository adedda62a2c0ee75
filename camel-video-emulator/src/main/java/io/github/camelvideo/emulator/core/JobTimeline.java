package io.github.camelvideo.emulator.core;

/**
 * The lifecycle every emulated job follows, whatever the API: queued for the first 10 % of the
 * job duration, then running with progress rising with time, then finished as its
 * {@link JobFate} says. A pure function of the clock, so no thread or timer runs per job.
 */
public final class JobTimeline {

    /** Share of the job duration spent queued before progress starts. */
    private static final double QUEUED_SHARE = 0.10;

    /** Where a job is. */
    public enum Phase {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        /** True once the job has ended, successfully or not. */
        public boolean isDone() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /**
     * A job's position at one moment.
     *
     * @param phase where the job is
     * @param progress 0 to 100 (below 100 until the job succeeds)
     * @param finishedAtMillis when the job ended, epoch milliseconds, or -1 while it runs
     */
    public record Point(Phase phase, int progress, long finishedAtMillis) {
    }

    private JobTimeline() {
    }

    /**
     * Where a job is at {@code nowMillis}.
     *
     * @param createdAtMillis creation time
     * @param fate how the job ends ({@link JobFate.Kind#FAIL} and {@link JobFate.Kind#FILTER} are failures)
     * @param durationMillis time from creation to the end
     * @param nowMillis the moment asked about
     */
    public static Point at(long createdAtMillis, JobFate fate, long durationMillis, long nowMillis) {
        long elapsed = Math.max(0, nowMillis - createdAtMillis);
        if (elapsed >= durationMillis && fate.kind() != JobFate.Kind.NEVER_FINISH) {
            long finished = createdAtMillis + durationMillis;
            return fate.kind() == JobFate.Kind.COMPLETE ? new Point(Phase.SUCCEEDED, 100, finished)
                    : new Point(Phase.FAILED, 0, finished);
        }
        if (elapsed < durationMillis * QUEUED_SHARE) {
            return new Point(Phase.QUEUED, 0, -1);
        }
        // Progress rises with elapsed time; a job that never finishes stays just below 100.
        int progress = durationMillis == 0 ? 99 : (int) Math.min(99, elapsed * 100 / durationMillis);
        return new Point(Phase.RUNNING, Math.max(1, progress), -1);
    }
}
