package io.github.camelvideo.emulator.openai;

/**
 * How a job ends, decided when it is created (fault injection picks the unusual ones).
 *
 * @param kind the outcome
 * @param errorCode {@code error.code} of a failed video, else null
 * @param errorMessage {@code error.message} of a failed video, else null
 */
public record JobFate(Kind kind, String errorCode, String errorMessage) {

    /** The possible outcomes. */
    public enum Kind {
        /** Completes after the job duration. */
        COMPLETE,
        /** Fails after the job duration with the given error. */
        FAIL,
        /** Stays in progress forever with progress below 100. */
        NEVER_FINISH
    }

    /** The normal outcome. */
    public static final JobFate COMPLETE = new JobFate(Kind.COMPLETE, null, null);

    /** A job that fails with {@code code} and {@code message}. */
    public static JobFate fail(String code, String message) {
        return new JobFate(Kind.FAIL, code, message);
    }

    /** A job that never finishes. */
    public static JobFate neverFinish() {
        return new JobFate(Kind.NEVER_FINISH, null, null);
    }
}
