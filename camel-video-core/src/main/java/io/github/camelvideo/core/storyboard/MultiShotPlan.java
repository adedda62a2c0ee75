package io.github.camelvideo.core.storyboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decision every provider with a native multi-shot task makes (Kling's {@code multi_shot}, Kie's Sora
 * storyboard): whether a storyboard's scenes fit one task, and as which shots. When they do not, the storyboard is
 * made scene by scene and joined, as with any provider.
 */
public final class MultiShotPlan {

    /**
     * What one multi-shot task holds.
     *
     * @param maxShots        the most shots
     * @param maxTotalSeconds the longest video, all shots together
     * @param minShotSeconds  the shortest shot
     * @param maxPromptLength the longest prompt of one shot
     */
    public record Limits(int maxShots, int maxTotalSeconds, int minShotSeconds, int maxPromptLength) {
    }

    /**
     * One shot of the task.
     *
     * @param prompt  what the shot shows (the scene's prompt with the storyboard's style)
     * @param seconds how long it lasts
     */
    public record Shot(String prompt, int seconds) {
    }

    private MultiShotPlan() {
    }

    /**
     * The storyboard as the shots of one task: one shot per scene, each at least the shortest shot and with a prompt
     * no longer than one shot takes, at most the task's shots, and a total no longer than its longest video and one
     * of the allowed totals.
     *
     * @param defaultSeconds the length of a scene that gives none
     * @param allowedTotals  the lengths a task may have, or {@code null} or empty when any up to the maximum is
     * @return the shots, or empty when the scenes do not fit one task
     */
    public static Optional<List<Shot>> fit(Storyboard storyboard, int defaultSeconds, Limits limits,
                                           Set<Integer> allowedTotals) {
        if (storyboard.scenes().size() > limits.maxShots()) {
            return Optional.empty();
        }
        List<Shot> shots = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < storyboard.scenes().size(); i++) {
            Integer given = storyboard.scenes().get(i).seconds();
            int seconds = given != null ? given : defaultSeconds;
            String prompt = storyboard.promptOf(i + 1);
            if (seconds < limits.minShotSeconds() || prompt.length() > limits.maxPromptLength()) {
                return Optional.empty();
            }
            shots.add(new Shot(prompt, seconds));
            total += seconds;
        }
        boolean allowed = allowedTotals == null || allowedTotals.isEmpty() || allowedTotals.contains(total);
        return total <= limits.maxTotalSeconds() && allowed ? Optional.of(List.copyOf(shots)) : Optional.empty();
    }

    /** The length of the task the shots make. */
    public static int total(List<Shot> shots) {
        return shots.stream().mapToInt(Shot::seconds).sum();
    }
}
