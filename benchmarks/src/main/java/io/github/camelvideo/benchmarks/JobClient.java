package io.github.camelvideo.benchmarks;

/** One way of running video jobs against the emulator: this project or a baseline. */
public interface JobClient extends AutoCloseable {

    /** The approach's name as printed. */
    String approach();

    /** Starts whatever the approach needs before the first job (a Camel context, an HTTP client). */
    void start() throws Exception;

    /**
     * Starts {@code jobs} jobs; each reports its end to {@code tally}. Returns once every job is started, which for
     * a blocking approach is when each has a thread of its own.
     */
    void submit(int jobs, JobTally tally) throws Exception;

    /** Stops the approach and releases its threads. */
    @Override
    void close() throws Exception;
}
