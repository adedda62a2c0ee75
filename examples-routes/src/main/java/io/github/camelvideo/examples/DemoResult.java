package io.github.camelvideo.examples;

import java.math.BigDecimal;

/**
 * One row of the demo summary.
 *
 * @param label    what was made
 * @param videoId  the provider's id, or {@code null}
 * @param file     the MP4 file name, or {@code null} when it failed
 * @param duration probed duration in seconds
 * @param size     probed WIDTHxHEIGHT
 * @param costUsd  estimated cost, or {@code null}
 * @param error    the failure, or {@code null}
 * @param mode     how a storyboard was made (its storyboard mode header), or {@code null}
 */
public record DemoResult(String label, String videoId, String file, Double duration, String size,
                         BigDecimal costUsd, String error, String mode) {

    public boolean ok() {
        return error == null && file != null;
    }

    /** The same row, failed for the given reason. */
    public DemoResult failed(String reason) {
        return new DemoResult(label, videoId, file, duration, size, costUsd, reason, mode);
    }
}
