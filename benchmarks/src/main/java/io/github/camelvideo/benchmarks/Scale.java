package io.github.camelvideo.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * The sizes the scenarios run at: {@link #FULL} for the published figures, {@link #SMALL} to prove in a unit test that
 * every scenario works end to end.
 *
 * @param waitingJobs        numbers of jobs waiting at once
 * @param waitingJobDuration how long each emulated job runs in the waiting scenario
 * @param sdkPollInterval    the thread-per-job baseline's sleep between status reads (the OpenAI SDK's default)
 * @param routeDelay         the hand-made route's delay between status reads
 * @param enginePollInitial  the component's {@code pollInitialDelay} in the waiting scenario
 * @param enginePollMax      the component's {@code pollMaxInterval} in the waiting scenario
 * @param throughputJobs     jobs run through submit, complete and download in the throughput scenario
 * @param downloadBytes      size of the MP4 downloaded in the download scenario
 * @param downloadHeap       the {@code -Xmx} of the JVM the download scenario runs in
 * @param joinClips          clips joined in the storyboard scenario
 * @param clipSeconds        length of each clip
 */
public record Scale(List<Integer> waitingJobs, Duration waitingJobDuration, Duration sdkPollInterval,
                    Duration routeDelay, Duration enginePollInitial, Duration enginePollMax, int throughputJobs,
                    long downloadBytes, String downloadHeap, int joinClips, int clipSeconds) {

    /** The published run: 1k / 5k / 10k waiting jobs of 20 s, the component's poll defaults, a 1 GiB download. */
    public static final Scale FULL = new Scale(List.of(1_000, 5_000, 10_000), Duration.ofSeconds(20),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), 5_000,
            1L << 30, "256m", 10, 60);

    /** A few seconds per scenario, for the harness's own test. */
    public static final Scale SMALL = new Scale(List.of(20), Duration.ofSeconds(1), Duration.ofMillis(200),
            Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(500), 20, 4L << 20, "256m", 2, 2);
}
