package io.github.camelvideo.core.storyboard;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a storyboard fits one multi-shot task, the decision kling's and sora's native storyboards share. */
class MultiShotPlanTest {

    private static final MultiShotPlan.Limits LIMITS = new MultiShotPlan.Limits(3, 25, 2, 40);

    @Test
    void scenesFittingTheLimitsAndAnAllowedTotalAreOneShotEach() {
        Storyboard storyboard = Storyboard.builder().style("Film").scene("A fox", 10).scene("A hen").build();

        List<MultiShotPlan.Shot> shots = MultiShotPlan.fit(storyboard, 5, LIMITS, Set.of(10, 15, 25)).orElseThrow();

        assertThat(shots).extracting(MultiShotPlan.Shot::seconds).containsExactly(10, 5);
        assertThat(shots.get(0).prompt()).isEqualTo(storyboard.promptOf(1));
        assertThat(MultiShotPlan.total(shots)).isEqualTo(15);
    }

    @Test
    void aTotalNotAllowedTooManyScenesAShortShotOrALongPromptDoNotFit() {
        Set<Integer> totals = Set.of(10, 15, 25);
        assertThat(MultiShotPlan.fit(Storyboard.builder().scene("A", 10).scene("B", 10).build(), 5, LIMITS, totals))
                .isEmpty();
        assertThat(MultiShotPlan.fit(Storyboard.builder().scene("A", 2).scene("B", 3).scene("C", 3).scene("D", 2)
                .build(), 5, LIMITS, totals)).isEmpty();
        assertThat(MultiShotPlan.fit(Storyboard.builder().scene("A", 1).scene("B", 9).build(), 5, LIMITS, totals))
                .isEmpty();
        assertThat(MultiShotPlan.fit(Storyboard.builder().scene("A".repeat(41), 10).build(), 5, LIMITS, totals))
                .isEmpty();
        // without allowed totals any total up to the longest video fits
        assertThat(MultiShotPlan.fit(Storyboard.builder().scene("A", 10).scene("B", 10).build(), 5, LIMITS, null))
                .isPresent();
        assertThat(MultiShotPlan.fit(Storyboard.builder().scene("A", 20).scene("B", 10).build(), 5, LIMITS, null))
                .isEmpty();
    }
}
