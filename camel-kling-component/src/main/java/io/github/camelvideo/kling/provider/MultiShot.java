package io.github.camelvideo.kling.provider;

import java.util.Optional;

/**
 * A provider capability: one task that makes several shots of one video (Kling's {@code multi_shot} with
 * {@code shot_type=customize} and one {@code multi_prompt} entry per shot). The storyboard asks a provider for it
 * through {@link io.github.camelvideo.core.spi.VideoProvider#capability}; a provider offers it for the models its data
 * names, so a protocol that gains multi-shot later needs only data.
 */
public interface MultiShot {

    /**
     * What one multi-shot task of the model can hold.
     *
     * @return the limits, or empty when the provider makes no multi-shot task of that model
     */
    Optional<Limits> multiShotLimits(String model);

    /**
     * The limits of one multi-shot task.
     *
     * @param maxShots        the most shots
     * @param maxTotalSeconds the longest video, all shots together
     * @param minShotSeconds  the shortest shot
     * @param maxPromptLength the longest prompt of one shot
     */
    record Limits(int maxShots, int maxTotalSeconds, int minShotSeconds, int maxPromptLength) {
    }
}
