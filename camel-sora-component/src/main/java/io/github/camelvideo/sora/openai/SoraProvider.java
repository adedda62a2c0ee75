package io.github.camelvideo.sora.openai;

import java.util.Optional;

import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.core.storyboard.MultiShotPlan;

/**
 * A protocol the sora component reaches Sora models through (the OpenAI Videos API, Kie.ai's market). Besides the
 * engine's seam, it refuses what it makes no task of before anything is sent, says when a storyboard can be one task
 * of its own, and knows a task again by its id.
 */
public interface SoraProvider extends VideoProvider<SoraRequest> {

    /**
     * Checks that the provider makes a task of the request; by default it makes one of every request.
     *
     * @throws io.github.camelvideo.core.error.VideoRequestInvalidException when it does not, before anything is sent
     */
    default void check(SoraRequest request) {
    }

    /**
     * What one storyboard task of the model holds, or empty (the default) when the provider makes no storyboard
     * task of it: the storyboard is then made scene by scene.
     */
    default Optional<MultiShotPlan.Limits> storyboardLimits(String model) {
        return Optional.empty();
    }

    /**
     * A handle on a job known by its id, for reading or downloading it again.
     *
     * @param model the model of the job, or {@code null}
     */
    default JobRef taskRef(String id, String model) {
        return JobRef.of(name(), id);
    }
}
