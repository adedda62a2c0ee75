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
 * {@code sora-2}. A key may end in {@code @<provider>} (the component's {@code provider} option, such as
 * {@code kling-v3|std@kie}): the same model often costs differently at an aggregator, so such an entry applies only
 * in that provider's view ({@link #forProvider}), where it wins over the entry without a provider. A model with no
 * entry has no estimate. Figures are list prices at the time of writing: override them with your contract's.
 */
public final class PriceTable {

    private record Entry(String modelPrefix, String resolution, String provider, BigDecimal usdPerSecond) {

        boolean appliesTo(String model, String resolution, String provider) {
            return model.startsWith(modelPrefix) && (this.resolution == null || this.resolution.equals(resolution))
                   && (this.provider == null || this.provider.equals(provider));
        }
    }

    private final List<Entry> entries;
    /** The provider this view prices for, or {@code null}: only the entries without a provider apply. */
    private final String provider;

    /** An empty table. */
    public PriceTable() {
        this(new ArrayList<>(), null);
    }

    private PriceTable(List<Entry> entries, String provider) {
        this.entries = entries;
        this.provider = provider;
    }

    /** Loads a table from a classpath properties resource. */
    public static PriceTable fromResource(Class<?> owner, String resource) {
        Properties p = PropertiesResource.load(owner, resource);
        PriceTable table = new PriceTable();
        p.stringPropertyNames().forEach(k -> table.put(k, new BigDecimal(p.getProperty(k).trim())));
        return table;
    }

    /**
     * Adds or replaces a price; the key is {@code model-prefix}, {@code model-prefix|resolution}, either followed by
     * {@code @provider} for a price of that provider only.
     */
    public PriceTable put(String key, BigDecimal usdPerSecond) {
        int at = key.lastIndexOf('@');
        String provider = at < 0 ? null : key.substring(at + 1).trim();
        String[] parts = (at < 0 ? key : key.substring(0, at)).split("\\|", 2);
        String model = parts[0].trim();
        String resolution = parts.length > 1 ? parts[1].trim() : null;
        entries.removeIf(e -> e.modelPrefix.equals(model) && Objects.equals(e.resolution, resolution)
                              && Objects.equals(e.provider, provider));
        entries.add(new Entry(model, resolution, provider, usdPerSecond));
        return this;
    }

    /**
     * This table as a provider's jobs are priced: its own entries ({@code ...@provider}) first, then those without a
     * provider. The view shares the entries, so a price put later applies to it too.
     */
    public PriceTable forProvider(String providerName) {
        return new PriceTable(entries, providerName);
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
                .filter(e -> e.appliesTo(model, resolution, provider))
                // longest prefix first, then the provider's own price, then an exact resolution before the catch-all
                .max(Comparator.<Entry> comparingInt(e -> e.modelPrefix.length())
                        .thenComparing(e -> e.provider != null)
                        .thenComparing(e -> e.resolution != null))
                .map(Entry::usdPerSecond);
    }
}
