package io.github.camelvideo.core.camel;

import java.util.List;

import org.apache.camel.Exchange;

import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.SceneResult;
import io.github.camelvideo.core.storyboard.StoryboardListener;

/**
 * Keeps an exchange's headers up to date while its storyboard runs: the job id header names the scene job under way,
 * and the scene job ids header lists the scenes completed so far, so that even a failed exchange names every job it
 * paid for.
 */
final class ExchangeStoryboardListener implements StoryboardListener {

    private final Exchange exchange;
    private final HeaderNames headers;

    ExchangeStoryboardListener(Exchange exchange, HeaderNames headers) {
        this.exchange = exchange;
        this.headers = headers;
    }

    @Override
    public void onSceneSubmitted(int scene, int sceneCount, JobStatus status) {
        exchange.getMessage().setHeader(headers.jobId(), status.ref().id());
    }

    @Override
    public void onSceneCompleted(SceneResult result, List<SceneResult> completed) {
        exchange.getMessage().setHeader(headers.sceneJobIds(), completed.stream().map(SceneResult::jobId).toList());
    }
}
