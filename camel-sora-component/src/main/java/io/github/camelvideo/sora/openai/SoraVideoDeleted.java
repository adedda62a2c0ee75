package io.github.camelvideo.sora.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer to deleteVideo. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SoraVideoDeleted {

    private String id;
    private String object;
    private boolean deleted;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Always {@code video.deleted}. */
    public String getObject() {
        return object;
    }

    public void setObject(String object) {
        this.object = object;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    @Override
    public String toString() {
        return "SoraVideoDeleted[id=" + id + ", deleted=" + deleted + "]";
    }
}
