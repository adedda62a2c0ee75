package io.github.camelvideo.sora;

import java.io.File;
import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.sora.openai.SoraVideo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoraTextToVideoTest extends SoraTestSupport {

    @Test
    void generatesAnMp4OfTheRequestedLengthAndSize() throws Exception {
        Exchange result = send("sora:textToVideo?seconds=8&size=1280x720", "A calico cat playing a piano on stage");

        assertThat(result.getException()).isNull();
        File file = result.getMessage().getBody(File.class);
        Mp4Info info = Mp4Probe.probe(file.toPath());
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");

        String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(id).startsWith("video_");
        assertThat(file.getName()).isEqualTo(id + ".mp4");
        assertThat(file.toPath().getParent()).isEqualTo(output);
        assertThat(result.getMessage().getHeaders())
                .containsEntry(SoraConstants.STATUS, "completed")
                .containsEntry(SoraConstants.PROGRESS, 100)
                .containsEntry(SoraConstants.MODEL, "sora-2")
                .containsEntry(SoraConstants.SECONDS, 8)
                .containsEntry(SoraConstants.SIZE, "1280x720")
                .containsEntry(SoraConstants.COST_USD, new BigDecimal("0.80"))
                .containsEntry(Exchange.FILE_NAME, id + ".mp4")
                .containsEntry(Exchange.CONTENT_TYPE, "video/mp4")
                .containsEntry(Exchange.FILE_LENGTH, file.length());
        assertThat(result.getMessage().getHeader(SoraConstants.DURATION, Double.class)).isCloseTo(8.0, within(0.5));
        assertThat(result.getMessage().getHeader(SoraConstants.EXPIRES_AT, Instant.class)).isAfter(Instant.now());
    }

    @Test
    void sendsTheDocumentedWireFormat() throws Exception {
        send("sora:textToVideo?seconds=4&model=sora-2-pro&size=1792x1024", "A red fox in snow");

        RecordedRequest create = emulator.requests("POST", "/v1/videos").get(0);
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(create.header("Content-Type")).startsWith("application/json");
        JsonNode body = JsonApi.MAPPER.readTree(create.body());
        assertThat(body.path("prompt").asText()).isEqualTo("A red fox in snow");
        assertThat(body.path("model").asText()).isEqualTo("sora-2-pro");
        // seconds is a string on the wire
        assertThat(body.path("seconds").isTextual()).isTrue();
        assertThat(body.path("seconds").asText()).isEqualTo("4");
        assertThat(body.path("size").asText()).isEqualTo("1792x1024");

        assertThat(emulator.requests("GET", "/v1/videos/video_[0-9a-f]+")).isNotEmpty();
        RecordedRequest content = emulator.requests("GET", "/v1/videos/video_[0-9a-f]+/content").get(0);
        assertThat(content.query()).isEqualTo("variant=video");
    }

    @Test
    void promptHeaderOverridesBodyAndHeadersOverrideOptions() {
        Exchange result = send("sora:textToVideo?seconds=4", "ignored", SoraConstants.PROMPT, "From the header",
                SoraConstants.SECONDS, "12", SoraConstants.SIZE, "720x1280");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SoraConstants.SECONDS)).isEqualTo(12);
        assertThat(emulator.requests("POST", "/v1/videos").get(0).bodyAsString()).contains("From the header")
                .contains("\"12\"");
    }

    @Test
    void withoutWaitingReturnsTheQueuedJob() {
        Exchange result = send("sora:textToVideo?waitForCompletion=false", "A quick one");

        SoraVideo video = result.getMessage().getBody(SoraVideo.class);
        assertThat(video.getStatus()).isEqualTo("queued");
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(video.getId());
        assertThat(emulator.requests("GET", "/v1/videos/.*")).isEmpty();
    }

    @Test
    void withoutDownloadReturnsTheCompletedJob() {
        Exchange result = send("sora:textToVideo?download=false", "No file please");

        SoraVideo video = result.getMessage().getBody(SoraVideo.class);
        assertThat(video.getStatus()).isEqualTo("completed");
        assertThat(video.getProgress()).isEqualTo(100);
        assertThat(emulator.requests("GET", "/v1/videos/.*/content")).isEmpty();
    }

    @Test
    void sameIdempotencyKeyFollowsTheSameJob() {
        Exchange first = send("sora:textToVideo", "Once only", SoraConstants.IDEMPOTENCY_KEY, "order-42");
        Exchange second = send("sora:textToVideo", "Once only", SoraConstants.IDEMPOTENCY_KEY, "order-42");

        assertThat(second.getMessage().getHeader(SoraConstants.VIDEO_ID))
                .isEqualTo(first.getMessage().getHeader(SoraConstants.VIDEO_ID));
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(second.getMessage().getBody(File.class)).exists();
    }
}
