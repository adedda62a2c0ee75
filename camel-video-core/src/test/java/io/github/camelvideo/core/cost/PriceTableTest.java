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
}
