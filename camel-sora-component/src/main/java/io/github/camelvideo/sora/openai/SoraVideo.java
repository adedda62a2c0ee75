package io.github.camelvideo.sora.openai;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A video job as the OpenAI Videos API returns it: the message body of getVideo, and of the job operations when
 * nothing is downloaded.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SoraVideo {

    private String id;
    private String object;
    private String model;
    private String status;
    private Integer progress;
    @JsonProperty("created_at")
    private Long createdAt;
    @JsonProperty("completed_at")
    private Long completedAt;
    @JsonProperty("expires_at")
    private Long expiresAt;
    private String prompt;
    private String size;
    private String seconds;
    @JsonProperty("remixed_from_video_id")
    private String remixedFromVideoId;
    private Map<String, Object> error;

    /** The video id, such as {@code video_123}. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Always {@code video}. */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** {@code queued}, {@code in_progress}, {@code completed} or {@code failed}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Approximate percent complete. */
    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    /** Creation time, Unix seconds. */
    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }

    /** Completion time, Unix seconds, or {@code null}. */
    public Long getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Long completedAt) {
        this.completedAt = completedAt;
    }

    /** When the downloadable assets expire, Unix seconds, or {@code null}. */
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    /** WIDTHxHEIGHT. */
    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    /** Length in seconds, as a string (for extensions, the stitched total). */
    public String getSeconds() {
        return seconds;
    }

    public void setSeconds(String seconds) {
        this.seconds = seconds;
    }

    public String getRemixedFromVideoId() {
        return remixedFromVideoId;
    }

    public void setRemixedFromVideoId(String remixedFromVideoId) {
        this.remixedFromVideoId = remixedFromVideoId;
    }

    /** {@code {code, message}} of a failed job, or {@code null}. */
    public Map<String, Object> getError() {
        return error;
    }

    public void setError(Map<String, Object> error) {
        this.error = error;
    }

    @Override
    public String toString() {
        return "SoraVideo[id=" + id + ", status=" + status + ", progress=" + progress + ", model=" + model
               + ", size=" + size + ", seconds=" + seconds + "]";
    }
}
