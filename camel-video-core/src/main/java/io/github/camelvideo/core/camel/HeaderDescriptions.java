package io.github.camelvideo.core.camel;

/**
 * Descriptions of the headers every video component has, so their documentation is written once. They are
 * compile-time constants for use in {@code @Metadata(description = ...)}.
 */
public final class HeaderDescriptions {

    /** The operation header. */
    public static final String OPERATION = "The operation to perform, overriding the endpoint's.";

    /** The cost estimate header. */
    public static final String COST_USD = "Estimated cost of the job in US dollars (seconds x price per second for"
                                          + " the model and its size or resolution), when the model is priced.";

    /** The probed duration header. */
    public static final String DURATION = "Duration in seconds of the downloaded MP4, as probed.";

    /** The idempotency key header. */
    public static final String IDEMPOTENCY_KEY = "Key under which the created job is recorded in the job store: a"
                                                 + " later exchange with the same key follows that job instead of"
                                                 + " creating another. Defaults to the exchange id plus a digest of"
                                                 + " the request, so a redelivered step never pays twice while"
                                                 + " another job step of the same exchange makes its own job.";

    private HeaderDescriptions() {
    }
}
