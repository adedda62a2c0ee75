package io.github.camelvideo.core.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiWebhookEventsTest {

    private final OpenAiWebhookEvents events = new OpenAiWebhookEvents();

    private WebhookEvent read(String json) {
        return events.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void videoEventsNameTheirVideo() {
        WebhookEvent completed = read("{\"id\":\"evt_abc123\",\"object\":\"event\",\"created_at\":1758941485,"
                                      + "\"type\":\"video.completed\",\"data\":{\"id\":\"video_abc123\"}}");
        assertThat(completed).isEqualTo(new WebhookEvent("evt_abc123", "video.completed", "video_abc123"));
        assertThat(read("{\"id\":\"evt_1\",\"type\":\"video.failed\",\"data\":{\"id\":\"video_2\"}}").jobId())
                .isEqualTo("video_2");
    }

    @Test
    void otherEventsAreAboutNoJob() {
        assertThat(read("{\"id\":\"evt_1\",\"type\":\"batch.completed\",\"data\":{\"id\":\"batch_1\"}}").jobId())
                .isNull();
    }

    @Test
    void whatIsNoEventIsRefused() {
        assertThatThrownBy(() -> read("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"type\":\"video.completed\",\"data\":{}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
