package io.github.camelvideo.emulator.core;

/**
 * What the API asks the fault plan while serving requests. Each call consumes one use of the
 * first matching rule, if any.
 */
public interface FaultHooks {

    /** No faults at all. */
    FaultHooks NONE = new FaultHooks() {
        @Override
        public JobFate nextJobFate() {
            return JobFate.COMPLETE;
        }

        @Override
        public ContentFault nextContentFault() {
            return null;
        }
    };

    /** The fate of a job being created now. */
    JobFate nextJobFate();

    /** The fault for a {@code /content} response about to be sent, or null for none. */
    ContentFault nextContentFault();
}
