package io.github.camelvideo.benchmarks;

/**
 * A target a figure is held to, printed beside it.
 *
 * @param comparison how the figure must compare with {@code threshold}
 * @param threshold  the target
 */
public record Goal(Comparison comparison, double threshold) {

    /** How a figure must compare with its threshold. */
    public enum Comparison {
        AT_MOST("≤"), AT_LEAST("≥"), EQUAL("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }
    }

    public static Goal atMost(double threshold) {
        return new Goal(Comparison.AT_MOST, threshold);
    }

    public static Goal atLeast(double threshold) {
        return new Goal(Comparison.AT_LEAST, threshold);
    }

    public static Goal equalTo(double threshold) {
        return new Goal(Comparison.EQUAL, threshold);
    }

    /** True when {@code value} meets the goal. */
    public boolean isMetBy(double value) {
        return switch (comparison) {
            case AT_MOST -> value <= threshold;
            case AT_LEAST -> value >= threshold;
            case EQUAL -> value == threshold;
        };
    }

    /** The goal as printed, e.g. {@code ≤ 16}. */
    public String text() {
        return comparison.symbol + " " + Figure.format(threshold);
    }
}
