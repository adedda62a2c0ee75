package io.github.camelvideo.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import io.github.camelvideo.core.support.PropertiesResource;

/**
 * Prices per second of generated video, keyed by model family and resolution, used to estimate a job's cost before
 * it is submitted. Entries are {@code <model-prefix>|<resolution>=<usd per second>}, or {@code <model-prefix>=<usd>}
 * for every resolution; the longest matching model prefix wins, so {@code sora-2-pro} is not priced as
 * {@code sora-2}. A model with no entry has no estimate. Figures are list prices at the time of writing: override
 * them with your contract's.
 */
public final class PriceTable {

    private record Entry(String modelPrefix, String resolution, BigDecimal usdPerSecond) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Loads a table from a classpath properties resource. */
    public static PriceTable fromResource(Class<?> owner, String resource) {
        Properties p = PropertiesResource.load(owner, resource);
        PriceTable table = new PriceTable();
        p.stringPropertyNames().forEach(k -> table.put(k, new BigDecimal(p.getProperty(k).trim())));
        return table;
    }

    /** Adds or replaces a price; the key is {@code model-prefix} or {@code model-prefix|resolution}. */
    public PriceTable put(String key, BigDecimal usdPerSecond) {
        String[] parts = key.split("\\|", 2);
        String resolution = parts.length > 1 ? parts[1].trim() : null;
        entries.removeIf(e -> e.modelPrefix.equals(parts[0].trim()) && Objects.equals(e.resolution,
                resolution));
        entries.add(new Entry(parts[0].trim(), resolution, usdPerSecond));
        return this;
    }

    /** Estimates a job; empty when the model or the length is unknown. */
    public Optional<CostEstimate> estimate(String model, String resolution, Integer seconds) {
        if (model == null || seconds == null) {
            return Optional.empty();
        }
        return rate(model, resolution).map(rate -> new CostEstimate(
                rate.multiply(BigDecimal.valueOf(seconds)).setScale(2, RoundingMode.HALF_UP), rate, seconds));
    }

    private Optional<BigDecimal> rate(String model, String resolution) {
        return entries.stream()
                .filter(e -> model.startsWith(e.modelPrefix))
                .filter(e -> e.resolution == null || e.resolution.equals(resolution))
                // longest prefix first, then an exact resolution before the catch-all
                .max(Comparator.<Entry> comparingInt(e -> e.modelPrefix.length())
                        .thenComparing(e -> e.resolution != null))
                .map(Entry::usdPerSecond);
    }
}
