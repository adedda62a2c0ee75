package io.github.camelvideo.kling;

import java.io.File;
import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.protocol.fal.FalJob;
import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KlingTextToVideoTest extends KlingTestSupport {

    static final String STD_T2V = "/fal/fal-ai/kling-video/v3/standard/text-to-video";

    @Test
    void generatesAnMp4OfTheRequestedLengthAndShape() throws Exception {
        Exchange result = send("kling:textToVideo?duration=3&aspectRatio=9:16", "A red fox runs through snow");

        assertThat(result.getException()).isNull();
        File file = result.getMessage().getBody(File.class);
        Mp4Info info = Mp4Probe.probe(file.toPath());
        assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.2));
        assertThat(info.size()).isEqualTo("720x1280");

        String id = result.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class);
        assertThat(file.getName()).isEqualTo(id + ".mp4");
        assertThat(result.getMessage().getHeaders())
                .containsEntry(KlingConstants.STATUS, "COMPLETED")
                .containsEntry(KlingConstants.MODEL, "kling-v3")
                .containsEntry(KlingConstants.SECONDS, 3)
                .containsEntry(KlingConstants.SIZE, "720x1280")
                .containsEntry(KlingConstants.ENDPOINT_ID, "fal-ai/kling-video/v3/standard/text-to-video")
                // 3 s of kling-v3 std with sound (on by default) at 0.126 USD/s
                .containsEntry(KlingConstants.COST_USD, new BigDecimal("0.38"))
                .containsEntry(Exchange.CONTENT_TYPE, "video/mp4");
        assertThat(result.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class))
                .startsWith(emulator.rootUrl() + "/fal-media/");
        assertThat(result.getMessage().getHeader(KlingConstants.VIDEO_DURATION, Double.class))
                .isCloseTo(3.0, within(0.2));
    }

    @Test
    void sendsFalsQueueWireFormat() throws Exception {
        send("kling:textToVideo?duration=5&aspectRatio=1:1&generateAudio=false&negativePrompt=blur&cfgScale=0.7",
                "A lighthouse at dusk");

        RecordedRequest submit = emulator.requests("POST", STD_T2V).get(0);
        assertThat(submit.header("Authorization")).isEqualTo("Key " + FAL_KEY);
        JsonNode body = JsonApi.MAPPER.readTree(submit.body());
        assertThat(body.path("prompt").asText()).isEqualTo("A lighthouse at dusk");
        // duration is a string on fal
        assertThat(body.path("duration").isTextual()).isTrue();
        assertThat(body.path("duration").asText()).isEqualTo("5");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("1:1");
        assertThat(body.path("generate_audio").asBoolean(true)).isFalse();
        assertThat(body.path("negative_prompt").asText()).isEqualTo("blur");
        assertThat(body.path("cfg_scale").asDouble()).isEqualTo(0.7);
        // status and result live below the endpoint's owner/alias, without its subpath
        assertThat(emulator.requests("GET", "/fal/fal-ai/kling-video/requests/[^/]+/status")).isNotEmpty();
        assertThat(emulator.requests("GET", "/fal/fal-ai/kling-video/requests/[^/]+")).hasSize(1);
        assertThat(emulator.requests("GET", "/fal-media/.*").get(0).header("Authorization")).isNull();
    }

    @Test
    void theModelAndModeMapToFalsEndpointAndEndpointIdOverridesIt() {
        send("kling:textToVideo?mode=pro&model=kling-v3-turbo&download=false", "A turbo one");
        send("kling:textToVideo?endpointId=fal-ai/kling-video/o3/standard/text-to-video&download=false",
                "An omni one");

        assertThat(emulator.requests("POST", "/fal/fal-ai/kling-video/v3/turbo/pro/text-to-video")).hasSize(1);
        assertThat(emulator.requests("POST", "/fal/fal-ai/kling-video/o3/standard/text-to-video")).hasSize(1);
    }

    @Test
    void headersOverrideOptions() {
        Exchange result = send("kling:textToVideo?duration=3", "ignored", KlingConstants.PROMPT, "From the header",
                KlingConstants.DURATION, "4", KlingConstants.ASPECT_RATIO, "16:9", KlingConstants.MODE, "std");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlingConstants.SECONDS)).isEqualTo(4);
        assertThat(emulator.requests("POST", STD_T2V).get(0).bodyAsString()).contains("From the header")
                .contains("\"duration\":\"4\"").contains("\"aspect_ratio\":\"16:9\"");
    }

    @Test
    void withoutWaitingReturnsTheQueuedTask() {
        Exchange result = send("kling:textToVideo?waitForCompletion=false", "A quick one");

        FalJob job = result.getMessage().getBody(FalJob.class);
        assertThat(job.status()).isEqualTo("IN_QUEUE");
        assertThat(result.getMessage().getHeader(KlingConstants.REQUEST_ID)).isEqualTo(job.requestId());
        assertThat(result.getMessage().getHeader(KlingConstants.QUEUE_POSITION)).isNotNull();
        assertThat(emulator.requests("GET", "/fal/.*")).isEmpty();
    }

    @Test
    void withoutDownloadReturnsTheCompletedTask() {
        Exchange result = send("kling:textToVideo?download=false", "No file please");

        FalJob job = result.getMessage().getBody(FalJob.class);
        assertThat(job.isCompleted()).isTrue();
        assertThat(job.videoUrl()).isEqualTo(result.getMessage().getHeader(KlingConstants.VIDEO_URL));
        assertThat(emulator.requests("GET", "/fal-media/.*")).isEmpty();
    }

    @Test
    void getTaskAndDownloadVideoFollowATaskByItsRequestId() throws Exception {
        Exchange submitted = send("kling:textToVideo?download=false&duration=3", "Fetched later");
        String id = submitted.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class);

        Exchange task = send("kling:getTask", null, KlingConstants.REQUEST_ID, id);
        assertThat(task.getException()).isNull();
        assertThat(task.getMessage().getBody(FalJob.class).videoUrl()).isNotNull();
        assertThat(task.getMessage().getHeader(KlingConstants.STATUS)).isEqualTo("COMPLETED");

        Exchange video = send("kling:downloadVideo", null, KlingConstants.REQUEST_ID, id);
        assertThat(video.getException()).isNull();
        assertThat(Mp4Probe.probe(video.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(3.0, within(0.2));
    }
}
