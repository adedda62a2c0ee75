package io.github.camelvideo.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.kling.nativeapi.KlingTask;

/** Provider kling against the emulator's Kling API: the documented fields go out, real MP4s come back. */
class KlingNativeTest extends KlingNativeTestSupport {

    @Test
    void textToVideoSendsKlingsFieldsWithABearerJwtAndDownloadsTheMp4() throws Exception {
        Exchange result = send("kling:textToVideo?duration=3&aspectRatio=9:16&generateAudio=false&negativePrompt=blur",
                "A red fox runs through snow");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.2));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(result.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class))
                .startsWith(emulator.rootUrl() + "/kling-media/");

        RecordedRequest create = emulator.requests("POST", T2V).get(0);
        assertThat(create.header("Authorization")).startsWith("Bearer ey");
        JsonNode body = JsonApi.MAPPER.readTree(create.body());
        assertThat(body.path("model_name").asText()).isEqualTo("kling-v3");
        assertThat(body.path("prompt").asText()).isEqualTo("A red fox runs through snow");
        assertThat(body.path("duration").isTextual()).isTrue();
        assertThat(body.path("duration").asText()).isEqualTo("3");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(body.path("mode").asText()).isEqualTo("std");
        assertThat(body.path("sound").asText()).isEqualTo("off");
        assertThat(body.path("negative_prompt").asText()).isEqualTo("blur");
        assertThat(emulator.requests("GET", T2V + "/[^/]+")).isNotEmpty();
        assertThat(emulator.requests("GET", "/kling-media/.*").get(0).header("Authorization")).isNull();
    }

    @Test
    void imageToVideoSendsTheFirstAndLastFrameAsRawBase64() throws Exception {
        byte[] first = TestImages.png(360, 640);
        Exchange result = send("kling:imageToVideo?duration=3", first, KlingConstants.PROMPT, "She turns",
                KlingConstants.LAST_FRAME, TestImages.png(360, 640));

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).size()).isEqualTo("720x1280");
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", "/kling/v1/videos/image2video").get(0)
                .body());
        assertThat(body.path("image").asText()).isEqualTo(Base64.getEncoder().encodeToString(first));
        assertThat(body.path("image_tail").asText()).doesNotStartWith("data:").isNotEmpty();
        assertThat(body.has("aspect_ratio")).isFalse();
    }

    @Test
    void extendContinuesAVideoAsAnOmniVideoTask() throws Exception {
        Exchange result = send("kling:extend?duration=4&download=false", "The next shot",
                KlingConstants.VIDEO_URL, "https://example.com/earlier.mp4");

        assertThat(result.getException()).isNull();
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", "/kling/v1/videos/omni-video").get(0)
                .body());
        assertThat(body.path("model_name").asText()).isEqualTo("kling-v3-omni");
        assertThat(body.path("video_list").path(0).path("video_url").asText())
                .isEqualTo("https://example.com/earlier.mp4");
        assertThat(body.path("video_list").path(0).path("refer_type").asText()).isEqualTo("feature");
        assertThat(emulator.requests("GET", "/kling/v1/videos/omni-video/[^/]+")).isNotEmpty();
    }

    @Test
    void getTaskAndDownloadVideoFollowATaskByItsId() throws Exception {
        Exchange submitted = send("kling:textToVideo?download=false&duration=3", "Fetched later");
        String id = submitted.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class);
        assertThat(submitted.getMessage().getBody(KlingTask.class).status()).isEqualTo(KlingTask.SUCCEED);

        Exchange task = send("kling:getTask", null, KlingConstants.REQUEST_ID, id);
        assertThat(task.getException()).isNull();
        assertThat(task.getMessage().getBody(KlingTask.class).videoUrl()).isNotNull();
        assertThat(task.getMessage().getBody(KlingTask.class).duration()).isEqualTo("3");

        Exchange video = send("kling:downloadVideo", null, KlingConstants.REQUEST_ID, id);
        assertThat(video.getException()).isNull();
        assertThat(Mp4Probe.probe(video.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(3.0, within(0.2));
    }
}
