package io.github.camelvideo.core.storyboard;

import java.util.List;

import io.github.camelvideo.core.spi.JobStatus;

/** Callbacks while a storyboard runs. Called from engine threads; implementations must be quick. */
public interface StoryboardListener {

    /** A scene's job was accepted (or an earlier job of the same scene was re-attached). */
    default void onSceneSubmitted(int scene, int sceneCount, JobStatus status) {
    }

    /** A scene completed; {@code completed} holds every completed scene so far, in order. */
    default void onSceneCompleted(SceneResult result, List<SceneResult> completed) {
    }

    StoryboardListener NONE = new StoryboardListener() {
    };
}
