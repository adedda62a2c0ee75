package io.github.camelvideo.core.protocol.kie;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.spi.VideoLocation;

/**
 * A task of Kie's Veo 3.1 API as {@code record-info} (or a callback) reports it. Unlike the market API, the state is a
 * number and the result an object: {@code successFlag} 0 generating, 1 success, 2 failed, 3 created but failed
 * upstream; {@code response} (in a callback: {@code info}) holds {@code resultUrls}, {@code originUrls} and
 * {@code resolution}; times are strings such as {@code "2025-06-06 10:30:00"}.
 *
 * @param taskId       the task id
 * @param successFlag  0, 1, 2 or 3, or {@code null} when not reported yet
 * @param resultUrls   the result URLs, empty until success
 * @param originUrls   the originals of non-16:9 results, possibly empty
 * @param resolution   the result's resolution as reported, or {@code null}
 * @param errorCode    the code of a failed task, or {@code null}
 * @param errorMessage the message of a failed task, or {@code null}
 * @param fallbackFlag whether a fallback model made the video (it then has no 1080p version)
 * @param createTime   when the task was created, as Kie writes it, or {@code null}
 * @param completeTime when it finished, as Kie writes it, or {@code null}
 * @param videoUrl     the video to download: the 1080p or 4k version once fetched, else the first result URL
 */
public record KieVeoRecord(String taskId, Integer successFlag, List<String> resultUrls, List<String> originUrls,
                           String resolution, String errorCode, String errorMessage, boolean fallbackFlag,
                           String createTime, String completeTime, String videoUrl) implements VideoLocation {

    /** Generating. */
    public static final int GENERATING = 0;
    /** Succeeded. */
    public static final int SUCCESS = 1;
    /** Failed. */
    public static final int FAILED = 2;
    /** Created, then failed upstream. */
    public static final int UPSTREAM_FAILED = 3;

    public KieVeoRecord {
        resultUrls = resultUrls == null ? List.of() : List.copyOf(resultUrls);
        originUrls = originUrls == null ? List.of() : List.copyOf(originUrls);
        if (videoUrl == null && !resultUrls.isEmpty()) {
            videoUrl = resultUrls.get(0);
        }
    }

    /** A task just created, not read yet. */
    public static KieVeoRecord created(String taskId) {
        return new KieVeoRecord(taskId, null, null, null, null, null, null, false, null, null, null);
    }

    /** Reads the {@code data} object of a {@code record-info} answer or of a callback. */
    public static KieVeoRecord of(JsonNode data) {
        JsonNode result = data.path("response").isObject() ? data.path("response") : data.path("info");
        return new KieVeoRecord(KieRecord.taskId(data),
                data.path("successFlag").canConvertToInt() ? data.path("successFlag").asInt() : null,
                urls(result.path("resultUrls")), urls(result.path("originUrls")), text(result, "resolution"),
                text(data, "errorCode"), text(data, "errorMessage"), data.path("fallbackFlag").asBoolean(false),
                text(data, "createTime"), text(data, "completeTime"), null);
    }

    /** Whether the task succeeded with a video. */
    public boolean succeeded() {
        return successFlag != null && successFlag == SUCCESS && videoUrl != null;
    }

    /** Whether the task failed (successFlag 2 or 3). */
    public boolean failed() {
        return successFlag != null && (successFlag == FAILED || successFlag == UPSTREAM_FAILED);
    }

    /** The same task with the video of a higher resolution to download. */
    public KieVeoRecord withVideo(String url, String videoResolution) {
        return new KieVeoRecord(taskId, successFlag, resultUrls, originUrls, videoResolution, errorCode, errorMessage,
                fallbackFlag, createTime, completeTime, url);
    }

    static List<String> urls(JsonNode array) {
        List<String> urls = new ArrayList<>();
        array.forEach(u -> {
            if (u.isTextual() && !u.asText().isBlank()) {
                urls.add(u.asText());
            }
        });
        return urls;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
