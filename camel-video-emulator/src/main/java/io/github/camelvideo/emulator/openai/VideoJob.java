package io.github.camelvideo.emulator.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JobTimeline;
import io.github.camelvideo.emulator.media.Footage;

/**
 * A video job. Immutable: its status is a pure function of the current time, computed when
 * the job is read, so no thread or timer is needed per job.
 *
 * @param id {@code video_...}
 * @param sequence creation order, to sort jobs created in the same millisecond
 * @param model model id
 * @param prompt prompt text
 * @param size {@code WIDTHxHEIGHT}
 * @param seconds duration in seconds (for extensions, the stitched total)
 * @param createdAtMillis creation time, epoch milliseconds
 * @param remixedFromVideoId source of a remix, else null
 * @param extensions how many extensions led to this video (0 for a new video)
 * @param fate how the job ends
 * @param footage what its {@code /content} video shows: for an extension, the source's video
 *        followed by the added seconds
 * @param requestDigest the {@link io.github.camelvideo.emulator.core.RequestDigest} of the create request
 */
record VideoJob(String id, long sequence, String model, String prompt, String size, int seconds, long createdAtMillis,
        String remixedFromVideoId, int extensions, JobFate fate, Footage footage, String requestDigest) {

    static final String QUEUED = "queued";
    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /** {@code error.code} and message prefix of a video removed by the safety filters. */
    static final String MODERATION_CODE = "moderation_blocked";
    static final String MODERATION_MESSAGE = "Your request was blocked by our moderation system: ";

    /**
     * The job's state at a moment.
     *
     * @param status one of queued, in_progress, completed, failed
     * @param progress 0 to 100
     * @param completedAt epoch seconds, or null
     * @param expiresAt epoch seconds, or null
     */
    record State(String status, int progress, Long completedAt, Long expiresAt) {
        boolean isCompleted() {
            return COMPLETED.equals(status);
        }

        boolean isFinished() {
            return COMPLETED.equals(status) || FAILED.equals(status);
        }
    }

    int width() {
        return footage.width();
    }

    int height() {
        return footage.height();
    }

    /**
     * Computes the state at {@code nowMillis}.
     *
     * @param durationMillis time from creation to completion
     * @param retentionMillis time from completion until the assets expire
     */
    State stateAt(long nowMillis, long durationMillis, long retentionMillis) {
        JobTimeline.Point point = JobTimeline.at(createdAtMillis, fate, durationMillis, nowMillis);
        long finished = point.finishedAtMillis();
        return switch (point.phase()) {
            case QUEUED -> new State(QUEUED, 0, null, null);
            case RUNNING -> new State(IN_PROGRESS, point.progress(), null, null);
            case FAILED -> new State(FAILED, 0, finished / 1000, null);
            case SUCCEEDED -> new State(COMPLETED, 100, finished / 1000, (finished + retentionMillis) / 1000);
        };
    }

    /** The Video object of the API, with every documented field (nulls included). */
    Map<String, Object> toJson(State state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "video");
        json.put("model", model);
        json.put("status", state.status());
        json.put("progress", state.progress());
        json.put("created_at", createdAtMillis / 1000);
        json.put("completed_at", state.completedAt());
        json.put("expires_at", state.expiresAt());
        json.put("prompt", prompt);
        json.put("size", size);
        json.put("seconds", Integer.toString(seconds));
        json.put("remixed_from_video_id", remixedFromVideoId);
        Map<String, Object> error = null;
        if (FAILED.equals(state.status())) {
            error = new LinkedHashMap<>();
            if (fate.kind() == JobFate.Kind.FILTER) {
                // A video the safety filters removed is a failed video with a moderation error.
                error.put("code", MODERATION_CODE);
                error.put("message", MODERATION_MESSAGE + String.join("; ", fate.filterReasons()));
            } else {
                error.put("code", fate.errorCode());
                error.put("message", fate.errorMessage());
            }
        }
        json.put("error", error);
        return json;
    }
}
