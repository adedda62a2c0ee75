package io.github.camelvideo.core.job;

import static io.github.camelvideo.core.job.DurableState.DELIVERED;
import static io.github.camelvideo.core.job.DurableState.DOWNLOADED;
import static io.github.camelvideo.core.job.DurableState.FAILED;
import static io.github.camelvideo.core.job.DurableState.IN_DOUBT;
import static io.github.camelvideo.core.job.DurableState.PENDING;
import static io.github.camelvideo.core.job.DurableState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class DurableStateTest {

    @Test
    void eachStateMovesOnlyToLaterSteps() {
        assertThat(allowedFrom(PENDING)).containsExactlyInAnyOrder(PENDING, IN_DOUBT, SUBMITTED, DOWNLOADED,
                DELIVERED, FAILED);
        assertThat(allowedFrom(IN_DOUBT)).containsExactlyInAnyOrder(IN_DOUBT, SUBMITTED, DOWNLOADED, DELIVERED,
                FAILED);
        assertThat(allowedFrom(SUBMITTED)).containsExactlyInAnyOrder(SUBMITTED, DOWNLOADED, DELIVERED, FAILED);
        assertThat(allowedFrom(DOWNLOADED)).containsExactlyInAnyOrder(DOWNLOADED, DELIVERED, FAILED);
        assertThat(allowedFrom(DELIVERED)).containsExactly(DELIVERED);
        assertThat(allowedFrom(FAILED)).containsExactly(FAILED);
    }

    @Test
    void predecessorsMirrorTheAllowedMoves() {
        assertThat(DurableState.predecessorsOf(SUBMITTED)).containsExactlyInAnyOrder(PENDING, IN_DOUBT, SUBMITTED);
        assertThat(DurableState.predecessorsOf(FAILED)).containsExactlyInAnyOrder(PENDING, IN_DOUBT, SUBMITTED,
                DOWNLOADED, FAILED);
        assertThat(DurableState.predecessorsOf(PENDING)).containsExactly(PENDING);
    }

    @Test
    void everyStateButFailedCountsAgainstTheSpendingLimit() {
        assertThat(DurableState.SPENDING).isEqualTo(EnumSet.complementOf(EnumSet.of(FAILED)));
    }

    private static EnumSet<DurableState> allowedFrom(DurableState from) {
        EnumSet<DurableState> allowed = EnumSet.noneOf(DurableState.class);
        for (DurableState next : DurableState.values()) {
            if (from.canMoveTo(next)) {
                allowed.add(next);
            }
        }
        return allowed;
    }
}
