package io.github.camelvideo.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What every approach is asked to do with each job, and how often it looks at it.
 *
 * @param baseUrl       the emulator's OpenAI base URL, e.g. {@code http://127.0.0.1:1234/v1}
 * @param download      whether the finished MP4 is downloaded to {@code outputDirectory}
 * @param outputDir     where downloads go
 * @param sdkPoll       the thread-per-job baseline's sleep between status reads
 * @param routeDelay    the hand-made route's delay between status reads
 * @param pollInitial   the component's {@code pollInitialDelay}
 * @param pollMax       the component's {@code pollMaxInterval}
 * @param maxConcurrent the component's {@code maxConcurrentJobs} (0: no limit)
 */
public record JobSpec(String baseUrl, boolean download, Path outputDir, Duration sdkPoll, Duration routeDelay,
                      Duration pollInitial, Duration pollMax, int maxConcurrent) {

    /** The API key sent to the emulator, which accepts any. */
    public static final String API_KEY = "sk-benchmark";
    /** The model, length and size of every job: the smallest Sora rendering. */
    public static final String MODEL = "sora-2";
    public static final int SECONDS = 4;
    public static final String SIZE = "720x1280";
}
