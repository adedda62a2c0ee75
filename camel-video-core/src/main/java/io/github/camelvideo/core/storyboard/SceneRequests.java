package io.github.camelvideo.core.storyboard;

import java.nio.file.Path;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;

/**
 * How one component turns storyboard scenes into its provider's requests. Implementations build and check requests
 * the way the component's own operations do; the storyboard runner does everything else.
 *
 * @param <R> the provider's request type
 */
public interface SceneRequests<R extends VideoJobRequest> {

    /** What the provider can make for the configured model. */
    StoryboardLimits limits();

    /**
     * A scene generated on its own: from text, or from a first frame.
     *
     * @param firstFrame the scene's first frame, or {@code null}
     * @param previous   the previous scene's final status (its size is the storyboard's), or {@code null}
     */
    R generate(String prompt, int seconds, ImageInput firstFrame, JobStatus previous);

    /**
     * A scene that continues the previous scene's video.
     *
     * @param previous     the previous scene's final status
     * @param previousFile the previous scene's video when {@link #extendsFromFile} says it is needed, else
     *                     {@code null}
     */
    R extend(String prompt, int seconds, JobStatus previous, Path previousFile);

    /** The longest prompt the provider takes, in characters. */
    default int maxPromptLength() {
        return Integer.MAX_VALUE;
    }

    /** Checks, before anything is paid for, that the configured options allow extensions. */
    default void checkExtensions() {
    }

    /** Whether an extension needs the previous scene's video file (for example when results come inline). */
    default boolean extendsFromFile() {
        return false;
    }

    /** The cost estimate of one scene's request, or {@code null} when the model has no price. */
    CostEstimate estimate(R request);
}
