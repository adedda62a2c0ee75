package io.github.camelvideo.core.protocol.kie;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.VideoLocation;

/**
 * A market task as {@code recordInfo} (and a callback, whose body carries the same data object) reports it.
 *
 * @param taskId     the task id ({@code taskId}, or {@code task_id} in some callbacks)
 * @param state      {@code waiting}, {@code queuing}, {@code generating}, {@code success} or {@code fail}
 * @param resultUrls the URLs of {@code resultJson}, a JSON <em>string</em> holding {@code resultUrls}
 * @param failCode   the failure code of a failed task, or {@code null}
 * @param failMsg    the failure message of a failed task, or {@code null}
 */
public record KieRecord(String taskId, String state, List<String> resultUrls, String failCode, String failMsg)
        implements VideoLocation {

    /** The first result URL, or {@code null} while there is none. */
    @Override
    public String videoUrl() {
        return resultUrls.isEmpty() ? null : resultUrls.get(0);
    }


    public KieRecord {
        resultUrls = resultUrls == null ? List.of() : List.copyOf(resultUrls);
    }

    /** Whether the task finished, well or not. */
    public boolean done() {
        return "success".equals(state) || "fail".equals(state);
    }

    /** Reads the {@code data} object of a task read or a callback. */
    public static KieRecord of(JsonNode data) {
        return new KieRecord(taskId(data), text(data, "state"), urls(data.path("resultJson")),
                text(data, "failCode"), text(data, "failMsg"));
    }

    /** The task id of a data object: {@code taskId}, falling back to {@code task_id}. */
    public static String taskId(JsonNode data) {
        String id = text(data, "taskId");
        return id != null ? id : text(data, "task_id");
    }

    private static List<String> urls(JsonNode resultJson) {
        JsonNode result = resultJson;
        if (resultJson.isTextual() && !resultJson.asText().isBlank()) {
            try {
                result = JsonApi.MAPPER.readTree(resultJson.asText());
            } catch (IOException notJson) {
                return List.of();
            }
        }
        List<String> urls = new ArrayList<>();
        result.path("resultUrls").forEach(u -> urls.add(u.asText()));
        return urls;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
