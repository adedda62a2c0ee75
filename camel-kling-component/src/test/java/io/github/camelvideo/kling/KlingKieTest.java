package io.github.camelvideo.kling;

import java.io.File;
import java.math.BigDecimal;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.protocol.kie.KieRecord;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.kling.kie.KieKlingProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Kling through Kie.ai's market, against the emulator's Kie surface. */
class KlingKieTest extends KlingTestSupport {

    static final String KIE_KEY = "kie-canary-0123456789abcdefghij";
    static final String CREATE = "/kie/api/v1/jobs/createTask";

    @Override
    void configure(KlingConfiguration c) {
        super.configure(c);
        c.setProvider(KlingConfiguration.KIE);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(KIE_KEY);
    }

    @Test
    void textToVideoCreatesAKling30TaskAndDownloadsItsMp4() throws Exception {
        Exchange result = send("kling:textToVideo?duration=3&aspectRatio=9:16&generateAudio=false",
                "A red fox runs through snow");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.2));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(result.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class))
                .startsWith("task_kling-3.0_");
        assertThat(result.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class))
                .startsWith(emulator.rootUrl() + "/kie-media/");
        // priced at Kie's rate, not fal's (0.084): 3 s of std without sound at 0.06 USD/s
        assertThat(result.getMessage().getHeader(KlingConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("0.18");

        RecordedRequest create = emulator.requests("POST", CREATE).get(0);
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + KIE_KEY);
        JsonNode body = JsonApi.MAPPER.readTree(create.body());
        assertThat(body.path("model").asText()).isEqualTo("kling-3.0/video");
        assertThat(body.has("callBackUrl")).isFalse();
        JsonNode input = body.path("input");
        assertThat(input.path("prompt").asText()).isEqualTo("A red fox runs through snow");
        assertThat(input.path("duration").isTextual()).isTrue();
        assertThat(input.path("duration").asText()).isEqualTo("3");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(input.path("mode").asText()).isEqualTo("std");
        assertThat(input.path("sound").isBoolean()).isTrue();
        assertThat(input.path("sound").asBoolean()).isFalse();
        assertThat(emulator.requests("GET", "/kie/api/v1/jobs/recordInfo")).isNotEmpty();
    }

    @Test
    void imageBytesAreUploadedAndTheirDownloadUrlsSentAsImageUrls() throws Exception {
        byte[] first = TestImages.png(360, 640);
        Exchange result = send("kling:imageToVideo?duration=3&download=false", first, KlingConstants.PROMPT,
                "She turns around", KlingConstants.LAST_FRAME, TestImages.png(360, 640));

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", "/kie/api/file-base64-upload")).hasSize(2);
        JsonNode upload = JsonApi.MAPPER.readTree(emulator.requests("POST", "/kie/api/file-base64-upload").get(0)
                .body());
        assertThat(upload.path("base64Data").asText()).startsWith("data:image/png;base64,");
        assertThat(upload.path("fileName").asText()).endsWith(".png");
        JsonNode input = JsonApi.MAPPER.readTree(emulator.requests("POST", CREATE).get(0).body()).path("input");
        assertThat(input.path("image_urls")).hasSize(2);
        String url = input.path("image_urls").get(0).asText();
        assertThat(url).startsWith(emulator.rootUrl() + "/kie-media/files/");
        assertThat(input.has("aspect_ratio")).isFalse();
        java.net.http.HttpResponse<byte[]> served = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Base64.getEncoder().encodeToString(served.body()))
                .isEqualTo(Base64.getEncoder().encodeToString(first));
    }

    @Test
    void anImageUrlIsPassedAsItIs() throws Exception {
        Exchange result = send("kling:imageToVideo?download=false", "The waves roll in",
                KlingConstants.IMAGE_URL, "https://images.example/beach.png");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", "/kie/api/file-base64-upload")).isEmpty();
        JsonNode input = JsonApi.MAPPER.readTree(emulator.requests("POST", CREATE).get(0).body()).path("input");
        assertThat(input.path("image_urls").get(0).asText()).isEqualTo("https://images.example/beach.png");
    }

    @Test
    void getTaskAndDownloadVideoFollowATaskByItsTaskId() throws Exception {
        Exchange submitted = send("kling:textToVideo?download=false&duration=3", "Fetched later");
        String id = submitted.getMessage().getHeader(KlingConstants.REQUEST_ID, String.class);

        Exchange task = send("kling:getTask", null, KlingConstants.REQUEST_ID, id);
        assertThat(task.getException()).isNull();
        assertThat(task.getMessage().getBody(KieRecord.class).state()).isEqualTo("success");
        assertThat(task.getMessage().getBody(KieRecord.class).resultUrls()).hasSize(1);

        Exchange video = send("kling:downloadVideo", null, KlingConstants.REQUEST_ID, id);
        assertThat(video.getException()).isNull();
        assertThat(Mp4Probe.probe(video.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(3.0, within(0.2));
    }

    @Test
    void optionsKiesKlingInputDoesNotTakeAreRefusedBeforeAnythingIsSent() {
        Exchange result = send("kling:textToVideo?negativePrompt=blur", "A lighthouse");
        Exchange model = send("kling:textToVideo?model=kling-v2.1-master", "A lighthouse");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("negativePrompt", "kie"));
        assertThat(failureOf(model)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("kling-v2.1-master", "kie", "kling-v3"));
        assertThat(emulator.requests("POST", CREATE)).isEmpty();
        assertThat(KieKlingProvider.NAME).isEqualTo("kie-kling");
    }
}
