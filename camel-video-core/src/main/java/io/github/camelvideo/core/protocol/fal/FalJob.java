package io.github.camelvideo.core.protocol.fal;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.spi.VideoLocation;

/**
 * One fal queue request as the status and result calls describe it: the body of the job status the engine hands to
 * routes.
 *
 * @param requestId     fal's {@code request_id}
 * @param endpointId    the model endpoint the request was submitted to
 * @param status        fal's status word: {@code IN_QUEUE}, {@code IN_PROGRESS} or {@code COMPLETED}
 * @param queuePosition the place in the queue while {@code IN_QUEUE} (0 is next), else {@code null}
 * @param videoUrl      the result's {@code video.url} once completed successfully, else {@code null}
 * @param result        the whole result JSON once completed successfully, else {@code null}
 * @param error         the error of a request that completed without a result, else {@code null}
 */
public record FalJob(String requestId, String endpointId, String status, Integer queuePosition, String videoUrl,
                     JsonNode result, FalError error) implements VideoLocation {

    /** Whether the request ended, with a result or an error. */
    public boolean isCompleted() {
        return FalQueue.COMPLETED.equals(status);
    }
}
