package io.github.camelvideo.core.cost;

import java.math.BigDecimal;

/**
 * An estimated price of one job.
 *
 * @param usd           estimated cost in US dollars
 * @param usdPerSecond  the rate used
 * @param seconds       the billed seconds
 */
public record CostEstimate(BigDecimal usd, BigDecimal usdPerSecond, int seconds) {
}
