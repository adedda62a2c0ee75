package io.github.camelvideo.core.cost;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTest {

    private final PriceTable table = new PriceTable()
            .put("sora-2", new BigDecimal("0.10"))
            .put("sora-2-pro", new BigDecimal("0.30"))
            .put("sora-2-pro|1792x1024", new BigDecimal("0.50"));

    @Test
    void longestModelPrefixAndExactResolutionWin() {
        assertThat(table.estimate("sora-2", "1280x720", 8)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("0.80"));
        assertThat(table.estimate("sora-2-pro-2025-10-06", "1280x720", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("3.00"));
        assertThat(table.estimate("sora-2-pro", "1792x1024", 4)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("2.00"));
    }

    @Test
    void unknownModelHasNoEstimate() {
        assertThat(table.estimate("wan-2.2", "1280x720", 8)).isEmpty();
        assertThat(table.estimate("sora-2", "1280x720", null)).isEmpty();
    }

    @Test
    void aProvidersOwnPriceWinsInItsViewOnly() {
        PriceTable prices = new PriceTable()
                .put("kling-v3|std", new BigDecimal("0.084"))
                .put("kling-v3|std@kie", new BigDecimal("0.06"))
                .put("kling-v3@kling", new BigDecimal("0.07"));
        assertThat(prices.estimate("kling-v3", "std", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("0.84"));
        assertThat(prices.forProvider("fal").estimate("kling-v3", "std", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("0.84"));
        assertThat(prices.forProvider("kie").estimate("kling-v3", "std", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("0.60"));
        // a provider's catch-all wins over a resolution priced for every provider
        assertThat(prices.forProvider("kling").estimate("kling-v3", "std", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("0.70"));
    }

    @Test
    void aViewSeesPricesPutLater() {
        PriceTable kie = table.forProvider("kie");
        table.put("sora-2@kie", new BigDecimal("0.015"));
        assertThat(kie.estimate("sora-2", "1280x720", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("0.15"));
        assertThat(table.estimate("sora-2", "1280x720", 10)).get()
                .extracting(CostEstimate::usd).isEqualTo(new BigDecimal("1.00"));
    }
}
