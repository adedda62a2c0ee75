package io.github.camelvideo.benchmarks;

/** The names of the approaches compared, as printed in the tables. */
public final class Approach {

    /** This project: {@code to("sora:textToVideo")}. */
    public static final String ENGINE = "camel-video sora:";
    /** Baseline (a): a thread per job, blocking create, status read and sleep until done, as SDK helpers do. */
    public static final String THREAD_PER_JOB = "thread per job (SDK create_and_poll)";
    /** Baseline (b): a Camel route written by hand with loop, delay, camel-http and choice. */
    public static final String HANDMADE_ROUTE = "hand-made route (loop+delay+http)";
    /** Baseline (c): the JDK HttpClient writing a response to a file. */
    public static final String JDK_DOWNLOAD = "JDK HttpClient to file";

    private Approach() {
    }
}
