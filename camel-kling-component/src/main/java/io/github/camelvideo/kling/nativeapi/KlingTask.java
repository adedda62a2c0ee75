package io.github.camelvideo.kling.nativeapi;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.VideoLocation;

/**
 * One Kling task as the API describes it (the {@code data} of a create or a read): the body a getTask route gets.
 *
 * @param taskId         {@code task_id}
 * @param path           the API path it was made by ({@code text2video}, {@code image2video}, {@code omni-video})
 * @param status         {@code task_status}: {@code submitted}, {@code processing}, {@code succeed} or
 *                       {@code failed}
 * @param statusMessage  {@code task_status_msg}, the reason of a failure, or {@code null}
 * @param externalTaskId {@code task_info.external_task_id}, or {@code null}
 * @param videoId        {@code task_result.videos[0].id}, or {@code null}
 * @param videoUrl       {@code task_result.videos[0].url}, or {@code null}
 * @param duration       {@code task_result.videos[0].duration}, seconds as Kling writes them (a string), or
 *                       {@code null}
 * @param createdAt      {@code created_at}, epoch milliseconds, or {@code null}
 * @param updatedAt      {@code updated_at}, epoch milliseconds, or {@code null}
 */
public record KlingTask(String taskId, String path, String status, String statusMessage, String externalTaskId,
                        String videoId, String videoUrl, String duration, Long createdAt, Long updatedAt)
        implements VideoLocation {

    /** Kling's status words. */
    public static final String SUBMITTED = "submitted";
    public static final String PROCESSING = "processing";
    public static final String SUCCEED = "succeed";
    public static final String FAILED = "failed";

    /** Reads a task object. */
    static KlingTask of(JsonNode data, String path) {
        JsonNode video = data.path("task_result").path("videos").path(0);
        return new KlingTask(text(data, "task_id"), path, text(data, "task_status"), text(data, "task_status_msg"),
                text(data.path("task_info"), "external_task_id"), text(video, "id"), text(video, "url"),
                video.path("duration").isMissingNode() || video.path("duration").isNull() ? null
                        : video.path("duration").asText(),
                number(data, "created_at"), number(data, "updated_at"));
    }

    /** The engine's state of the task. */
    JobState state() {
        if (status == null) {
            return JobState.QUEUED;
        }
        return switch (status) {
            case SUCCEED -> JobState.SUCCEEDED;
            case FAILED -> JobState.FAILED;
            case PROCESSING -> JobState.RUNNING;
            default -> JobState.QUEUED;
        };
    }

    /**
     * The error of a failed task. Kling gives only a message: one naming its risk control or content security is a
     * content policy refusal (not worth repeating), anything else a failure of the provider.
     */
    JobError error() {
        String message = statusMessage != null && !statusMessage.isBlank() ? statusMessage : "the task failed";
        String m = message.toLowerCase(Locale.ROOT);
        boolean policy = m.contains("risk") || m.contains("content security") || m.contains("sensitive")
                         || m.contains("policy");
        return new JobError(FAILED, message, policy ? ErrorCategory.CONTENT_POLICY : ErrorCategory.PROVIDER,
                policy ? java.util.List.of(message) : null);
    }

    /** The video's length in whole seconds, rounded, or {@code null}. */
    Integer seconds() {
        try {
            return duration == null ? null : (int) Math.round(Double.parseDouble(duration));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : v.isNumber() ? v.asText() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.canConvertToLong() ? v.asLong() : null;
    }
}
