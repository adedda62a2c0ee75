package io.github.camelvideo.sora.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of listVideos. Pass {@link #getLastId()} as {@code after} to read the next page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class SoraVideoList {

    private List<SoraVideo> data = List.of();
    @JsonProperty("first_id")
    private String firstId;
    @JsonProperty("last_id")
    private String lastId;
    @JsonProperty("has_more")
    private boolean hasMore;

    public List<SoraVideo> getData() {
        return data;
    }

    public void setData(List<SoraVideo> data) {
        this.data = data;
    }

    public String getFirstId() {
        return firstId;
    }

    public void setFirstId(String firstId) {
        this.firstId = firstId;
    }

    public String getLastId() {
        return lastId;
    }

    public void setLastId(String lastId) {
        this.lastId = lastId;
    }

    /** Whether more videos follow this page. */
    public boolean isHasMore() {
        return hasMore;
    }

    public void setHasMore(boolean hasMore) {
        this.hasMore = hasMore;
    }

    @Override
    public String toString() {
        return "SoraVideoList[" + data.size() + " videos, hasMore=" + hasMore + ", lastId=" + lastId + "]";
    }
}
