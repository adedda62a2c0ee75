package io.github.camelvideo.core.poll;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollPolicyTest {

    private final PollPolicy policy = new PollPolicy(Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30),
            Duration.ofMinutes(20), 0.1);

    @Test
    void delaysGrowByTheMultiplierUpToTheMaximum() {
        assertThat(policy.nominalDelay(0)).isEqualTo(Duration.ofMillis(5000));
        assertThat(policy.nominalDelay(1)).isEqualTo(Duration.ofMillis(7500));
        assertThat(policy.nominalDelay(2)).isEqualTo(Duration.ofMillis(11250));
        assertThat(policy.nominalDelay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.nominalDelay(50)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterOnlyShortensTheDelayByAtMostItsFraction() {
        assertThat(policy.nextDelay(0, null, () -> 0.0)).isEqualTo(Duration.ofMillis(5000));
        assertThat(policy.nextDelay(0, null, () -> 0.999)).isBetween(Duration.ofMillis(4500),
                Duration.ofMillis(5000));
    }

    @Test
    void serverHintWinsWithinBounds() {
        assertThat(policy.nextDelay(3, Duration.ofMillis(2000), () -> 0.5)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy.nextDelay(0, Duration.ofMinutes(5), () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.nextDelay(0, Duration.ZERO, () -> 0.5)).isEqualTo(PollPolicy.MIN_INTERVAL);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new PollPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0)).hasMessageContaining("pollMultiplier");
        assertThatThrownBy(() -> new PollPolicy(Duration.ofSeconds(-1), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0)).hasMessageContaining("negative");
    }
}
