package io.github.camelvideo.emulator.openai;

import java.util.LinkedHashMap;
import java.util.Map;

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
 */
record VideoJob(String id, long sequence, String model, String prompt, String size, int seconds, long createdAtMillis,
        String remixedFromVideoId, int extensions, JobFate fate) {

    static final String QUEUED = "queued";
    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";

    /** Share of the job duration spent queued before progress starts. */
    private static final double QUEUED_SHARE = 0.10;

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
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    int height() {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }

    /**
     * Computes the state at {@code nowMillis}.
     *
     * @param durationMillis time from creation to completion
     * @param retentionMillis time from completion until the assets expire
     */
    State stateAt(long nowMillis, long durationMillis, long retentionMillis) {
        long elapsed = Math.max(0, nowMillis - createdAtMillis);
        boolean done = elapsed >= durationMillis && fate.kind() != JobFate.Kind.NEVER_FINISH;
        if (done) {
            long finishedMillis = createdAtMillis + durationMillis;
            if (fate.kind() == JobFate.Kind.FAIL) {
                return new State(FAILED, 0, finishedMillis / 1000, null);
            }
            return new State(COMPLETED, 100, finishedMillis / 1000, (finishedMillis + retentionMillis) / 1000);
        }
        if (elapsed < durationMillis * QUEUED_SHARE) {
            return new State(QUEUED, 0, null, null);
        }
        // Progress rises with elapsed time; a job that never finishes stays just below 100.
        int progress = durationMillis == 0 ? 99 : (int) Math.min(99, elapsed * 100 / durationMillis);
        return new State(IN_PROGRESS, Math.max(1, progress), null, null);
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
            error.put("code", fate.errorCode());
            error.put("message", fate.errorMessage());
        }
        json.put("error", error);
        return json;
    }
}
