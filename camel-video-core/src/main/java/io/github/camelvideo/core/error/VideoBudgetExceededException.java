package io.github.camelvideo.core.error;

/** A submission was refused because its estimated cost would exceed the configured spending limit. */
public class VideoBudgetExceededException extends VideoException {

    public VideoBudgetExceededException(String message) {
        super(message, null, null, null, false, null);
    }
}
