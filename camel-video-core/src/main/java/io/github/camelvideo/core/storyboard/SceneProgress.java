package io.github.camelvideo.core.storyboard;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camelvideo.core.job.JobListener;
import io.github.camelvideo.core.spi.JobStatus;

/**
 * Logs one scene's progress at INFO each time its status or percentage changes, as "scene k of n" with the
 * storyboard's overall percentage (weighted by the scenes' lengths). Never logs prompts.
 */
final class SceneProgress implements JobListener {

    private static final Logger LOG = LoggerFactory.getLogger(SceneProgress.class);

    private final int scene;
    private final int sceneCount;
    private final int secondsBefore;
    private final int sceneSeconds;
    private final int totalSeconds;
    private final StoryboardListener listener;
    private volatile String lastSeen;

    /**
     * @param secondsBefore the length of the scenes before this one
     */
    SceneProgress(int scene, int sceneCount, int secondsBefore, int sceneSeconds, int totalSeconds,
                  StoryboardListener listener) {
        this.scene = scene;
        this.sceneCount = sceneCount;
        this.secondsBefore = secondsBefore;
        this.sceneSeconds = sceneSeconds;
        this.totalSeconds = totalSeconds;
        this.listener = listener;
    }

    @Override
    public void onSubmitted(JobStatus status) {
        lastSeen = key(status);
        LOG.info("Storyboard scene {} of {}: video job {} ({}), storyboard {}%", scene, sceneCount,
                status.ref().id(), status.status(), overall(status));
        listener.onSceneSubmitted(scene, sceneCount, status);
    }

    @Override
    public void onStatus(JobStatus status, Duration elapsed) {
        String key = key(status);
        if (!key.equals(lastSeen)) {
            lastSeen = key;
            LOG.info("Storyboard scene {} of {}: video job {} {} {}, storyboard {}%", scene, sceneCount,
                    status.ref().id(), status.status(),
                    status.progress() == null ? "(progress unknown)" : status.progress() + "%", overall(status));
        }
    }

    /** The storyboard's percentage: finished scenes plus this scene's share, by length. */
    int overall(JobStatus status) {
        double done = status.isTerminal() ? 1.0 : status.progress() == null ? 0.0 : status.progress() / 100.0;
        return (int) Math.floor(100.0 * (secondsBefore + done * sceneSeconds) / totalSeconds);
    }

    private static String key(JobStatus s) {
        return s.status() + "/" + s.progress();
    }
}
