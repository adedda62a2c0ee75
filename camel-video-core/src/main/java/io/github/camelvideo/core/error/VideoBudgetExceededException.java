package io.github.camelvideo.core.error;

/**
 * A submission was refused because its estimated cost would exceed the configured spending limit, or because the
 * provider account has no credits left (a depleted resource pack, exhausted credits). Repeating it does not help
 * until the limit or the account changes.
 */
public class VideoBudgetExceededException extends VideoException {

    public VideoBudgetExceededException(String message) {
        super(message, null, null, null, false, null);
    }

    /** The provider refused the call because the account's credits are spent. */
    public VideoBudgetExceededException(String message, String provider, String jobId, String providerCode) {
        super(message, provider, jobId, providerCode, false, null);
    }
}
