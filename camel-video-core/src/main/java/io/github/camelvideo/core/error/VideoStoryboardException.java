package io.github.camelvideo.core.error;

import java.io.IOException;
import java.util.List;

/**
 * A storyboard scene failed. The cause is the scene's own failure (for example a
 * {@link VideoContentPolicyException}), so {@code onException} clauses for that type still match; the job id is the
 * failed scene's job, when one was created. The jobs of the scenes that completed are kept, so that an attempt with
 * the same idempotency key reuses them instead of paying for them again.
 */
public class VideoStoryboardException extends VideoException {

    private final int scene;
    private final int sceneCount;
    private final List<String> completedJobIds;

    /**
     * @param scene           the failed scene, numbered from 1
     * @param sceneCount      how many scenes the storyboard has
     * @param completedJobIds the job ids of the scenes that completed, in order
     * @param provider        the provider name
     * @param cause           the scene's failure
     */
    public VideoStoryboardException(int scene, int sceneCount, List<String> completedJobIds, String provider,
                                    Throwable cause) {
        super(message(scene, sceneCount, completedJobIds, cause), provider,
                cause instanceof VideoException v ? v.getJobId() : null,
                cause instanceof VideoException v ? v.getProviderCode() : null,
                cause instanceof VideoException v ? v.isRetryable() : cause instanceof IOException, cause);
        this.scene = scene;
        this.sceneCount = sceneCount;
        this.completedJobIds = List.copyOf(completedJobIds);
    }

    private static String message(int scene, int count, List<String> completed, Throwable cause) {
        String why = String.valueOf(cause.getMessage());
        return "Storyboard scene " + scene + " of " + count + " failed: " + why
               + (completed.isEmpty() ? "" : (why.endsWith(".") ? " " : ". ") + "Completed scene jobs: "
                                             + String.join(", ", completed));
    }

    /** The failed scene, numbered from 1. */
    public int getScene() {
        return scene;
    }

    /** How many scenes the storyboard has. */
    public int getSceneCount() {
        return sceneCount;
    }

    /** The job ids of the scenes that completed before the failure, in order. */
    public List<String> getCompletedJobIds() {
        return completedJobIds;
    }
}
