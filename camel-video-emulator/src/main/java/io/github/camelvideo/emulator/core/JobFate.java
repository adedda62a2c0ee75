package io.github.camelvideo.emulator.core;

import java.util.List;
import java.util.Objects;

/**
 * How a job ends, decided when it is created (fault injection picks the unusual ones).
 *
 * @param kind the outcome
 * @param errorCode error code of a failed job, else null
 * @param errorMessage error message of a failed job, else null
 * @param filterReasons reasons of a job refused by the safety filters (empty for other kinds)
 */
public record JobFate(Kind kind, String errorCode, String errorMessage, List<String> filterReasons) {

    /** The possible outcomes. */
    public enum Kind {
        /** Completes after the job duration. */
        COMPLETE,
        /** Fails after the job duration with the given error. */
        FAIL,
        /** Ends after the job duration without output, removed by the safety filters. */
        FILTER,
        /** Stays in progress forever with progress below 100. */
        NEVER_FINISH
    }

    /** The normal outcome. */
    public static final JobFate COMPLETE = new JobFate(Kind.COMPLETE, null, null, List.of());

    /** Copies the reasons so the record is immutable. */
    public JobFate {
        Objects.requireNonNull(kind, "kind");
        filterReasons = List.copyOf(filterReasons);
    }

    /** A job that fails with {@code code} and {@code message}. */
    public static JobFate fail(String code, String message) {
        return new JobFate(Kind.FAIL, code, message, List.of());
    }

    /** A job whose output the safety filters remove, for these reasons. */
    public static JobFate filter(List<String> reasons) {
        return new JobFate(Kind.FILTER, null, null, reasons);
    }

    /** A job that never finishes. */
    public static JobFate neverFinish() {
        return new JobFate(Kind.NEVER_FINISH, null, null, List.of());
    }
}
