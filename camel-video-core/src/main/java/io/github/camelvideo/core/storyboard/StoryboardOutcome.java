package io.github.camelvideo.core.storyboard;

import java.math.BigDecimal;
import java.util.List;

import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * A finished storyboard.
 *
 * @param file       the one MP4 of all scenes, at its final place
 * @param lastStatus the final status of the last scene's job
 * @param scenes     every scene, in order
 * @param mode       how the video was made: {@link StoryboardMode#extend} or {@link StoryboardMode#stitch}
 */
public record StoryboardOutcome(DownloadedFile file, JobStatus lastStatus, List<SceneResult> scenes,
                                StoryboardMode mode) {

    public StoryboardOutcome {
        scenes = List.copyOf(scenes);
    }

    /** The scenes' job ids, in order. */
    public List<String> jobIds() {
        return scenes.stream().map(SceneResult::jobId).toList();
    }

    /** The storyboard's length: the sum of the scenes' lengths. */
    public int seconds() {
        return scenes.stream().mapToInt(SceneResult::seconds).sum();
    }

    /** The summed cost estimate of the scenes, or {@code null} when a scene's model has no price. */
    public BigDecimal costUsd() {
        if (scenes.stream().anyMatch(s -> s.cost() == null)) {
            return null;
        }
        return scenes.stream().map(s -> s.cost().usd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
