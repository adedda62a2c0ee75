package io.github.camelvideo.benchmarks;

import java.util.Locale;

/**
 * One measured figure of a scenario: what was measured, for which approach and load, and the goal it is held to.
 *
 * @param scenario the scenario's name, e.g. {@code waiting}
 * @param load     the load it was measured at, e.g. {@code 1000 jobs}
 * @param approach who was measured: this project or a baseline
 * @param metric   what was measured, e.g. {@code engine threads}
 * @param value    the figure
 * @param unit     its unit, e.g. {@code KiB}; empty for a count
 * @param goal     the target, or null for a figure shown for comparison only
 */
public record Figure(String scenario, String load, String approach, String metric, double value, String unit,
                     Goal goal) {

    /** PASS or MISS against the goal; empty without a goal. */
    public String verdict() {
        return goal == null ? "" : goal.isMetBy(value) ? "PASS" : "MISS";
    }

    /** The value as printed: integers without decimals, others with up to two. */
    public String valueText() {
        return format(value);
    }

    /** The goal as printed, or empty. */
    public String goalText() {
        return goal == null ? "" : goal.text();
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.2f", v);
    }
}
