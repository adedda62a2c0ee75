package io.github.camelvideo.core.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A spending limit: the estimates of the jobs created within {@code period} (this one included) may add up to
 * {@code capUsd}, counted in the job store so that the limit holds across restarts and instances.
 *
 * @param capUsd the limit in US dollars
 * @param period how far back jobs count, such as one day
 */
public record SpendCap(BigDecimal capUsd, Duration period) {

    public SpendCap {
        Objects.requireNonNull(capUsd, "capUsd");
        Objects.requireNonNull(period, "period");
    }
}
