package io.github.camelvideo.kling.provider;

import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.VideoProvider;

/**
 * A protocol the kling component reaches Kling through (fal.ai's queue, Kie.ai's market, Kling's own API). Besides the
 * engine's seam, it says where a request goes, so that the component can refuse what the provider cannot make before
 * anything is sent, and how a task known only by its id is read again.
 */
public interface KlingProvider extends VideoProvider<KlingRequest> {

    /**
     * Where this provider sends a request (a fal endpoint id, a Kie model slug, a Kling API path), checking that it
     * can make it: a mapping for its model, mode and kind, and a place for its frames.
     *
     * @throws io.github.camelvideo.core.error.VideoRequestInvalidException when it cannot, before anything is sent
     */
    String targetOf(KlingRequest request);

    /**
     * A handle on a task known by its id, for reading or downloading it again.
     *
     * @param taskId the provider's task id
     * @param target where the task was sent ({@link #targetOf}), for protocols whose reads need it
     * @param model  the model of the task, or {@code null}
     */
    JobRef taskRef(String taskId, String target, String model);
}
