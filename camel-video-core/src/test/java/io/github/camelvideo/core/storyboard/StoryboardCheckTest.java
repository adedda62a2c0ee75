package io.github.camelvideo.core.storyboard;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryboardCheckTest {

    static final StoryboardLimits VEO = new StoryboardLimits(Set.of(4, 6, 8), Set.of(7), "each extension adds 7 s",
            20, 148, 8, 7);
    static final StoryboardLimits UNKNOWN = new StoryboardLimits(null, null, null, null, null, 4, 4);

    @Test
    void fillsInDefaultsForEachWayOfMakingTheVideo() {
        Storyboard board = Storyboard.builder().scene("One").scene("Two").build();
        assertThat(StoryboardCheck.check(board, VEO, true)).containsExactly(8, 7);
        assertThat(StoryboardCheck.check(board, VEO, false)).containsExactly(8, 8);
    }

    @Test
    void namesTheSceneAndWhatIsAllowed() {
        assertThatThrownBy(() -> StoryboardCheck.check(Storyboard.builder().scene("One", 8).scene("Two", 8).build(),
                VEO, true)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessage("Invalid seconds of scene 2: '8'. Allowed: 7 (each extension adds 7 s)");
        assertThatThrownBy(() -> StoryboardCheck.check(Storyboard.builder().scene("One", 5).build(), VEO, false))
                .hasMessage("Invalid seconds of scene 1: '5'. Allowed: 4, 6, 8");
        assertThatThrownBy(() -> StoryboardCheck.check(Storyboard.builder().scene("One", 4).scene("", 4).build(),
                VEO, false)).hasMessageStartingWith("Scene 2 has an empty prompt");
    }

    @Test
    void unknownLimitsAreNotEnforcedButLengthsMustBePositive() {
        Storyboard.Builder many = Storyboard.builder();
        for (int i = 0; i < 40; i++) {
            many.scene("Scene " + i, 13);
        }
        assertThat(StoryboardCheck.check(many.build(), UNKNOWN, true)).hasSize(40);
        assertThatThrownBy(() -> StoryboardCheck.check(Storyboard.builder().scene("One", 0).build(), UNKNOWN, true))
                .hasMessageContaining("Allowed: a positive whole number");
    }
}
