package io.github.camelvideo.sora;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sora 2 through Kie.ai's market (provider kie), against the emulator's Kie surface, which serves the slugs. */
class SoraKieTest extends SoraTestSupport {

    static final String KIE_KEY = "kie-canary-0123456789abcdefghij";
    static final String CREATE = "/kie/api/v1/jobs/createTask";
    static final String UPLOAD = "/kie/api/file-base64-upload";

    @Override
    void configure(SoraConfiguration c) {
        super.configure(c);
        c.setProvider(SoraProviders.KIE);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(KIE_KEY);
    }

    static JsonNode createBody(int index) throws Exception {
        return JsonApi.MAPPER.readTree(emulator.requests("POST", CREATE).get(index).body());
    }

    @Test
    void textToVideoCreatesASora2TaskWithKiesFieldsAndDownloadsItsMp4() throws Exception {
        Exchange result = send("sora:textToVideo?seconds=15&size=720x1280&removeWatermark=true",
                "A red fox runs through snow");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(15.0, within(0.2));
        assertThat(info.size()).isEqualTo("720x1280");
        // priced at Kie's rate for sora-2, not OpenAI's: 15 s at 0.015 USD/s
        assertThat(result.getMessage().getHeader(SoraConstants.COST_USD, java.math.BigDecimal.class))
                .isEqualByComparingTo("0.23");
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class))
                .startsWith("task_sora-2-text-to-video_");
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_URL, String.class))
                .startsWith(emulator.rootUrl() + "/kie-media/");
        assertThat(result.getMessage().getHeader(SoraConstants.SECONDS)).isEqualTo(15);

        RecordedRequest create = emulator.requests("POST", CREATE).get(0);
        assertThat(create.header("Authorization")).isEqualTo("Bearer " + KIE_KEY);
        JsonNode body = createBody(0);
        assertThat(body.path("model").asText()).isEqualTo("sora-2-text-to-video");
        assertThat(body.has("callBackUrl")).isFalse();
        JsonNode input = body.path("input");
        assertThat(input.path("prompt").asText()).isEqualTo("A red fox runs through snow");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("portrait");
        assertThat(input.path("n_frames").isTextual()).isTrue();
        assertThat(input.path("n_frames").asText()).isEqualTo("15");
        assertThat(input.path("remove_watermark").asBoolean()).isTrue();
        assertThat(input.has("size")).as("size is a pro-only field").isFalse();
    }

    @Test
    void theProModelWithA1080pSizeIsTheProSlugWithSizeHigh() throws Exception {
        Exchange result = send("sora:textToVideo?model=sora-2-pro&seconds=10&size=1920x1080", "A glacier at dawn");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.size()).isEqualTo("1920x1080");
        assertThat(info.durationSeconds()).isCloseTo(10.0, within(0.2));
        JsonNode body = createBody(0);
        assertThat(body.path("model").asText()).isEqualTo("sora-2-pro-text-to-video");
        assertThat(body.path("input").path("size").asText()).isEqualTo("high");
        assertThat(body.path("input").path("aspect_ratio").asText()).isEqualTo("landscape");
    }

    @Test
    void theProModelSendsSizeStandardExplicitlyWhenNoSizeIsSet() throws Exception {
        Exchange result = send("sora:textToVideo?model=sora-2-pro&download=false", "A glacier at noon");

        assertThat(result.getException()).isNull();
        JsonNode input = createBody(0).path("input");
        assertThat(input.path("size").asText()).isEqualTo("standard");
        assertThat(input.path("n_frames").asText()).isEqualTo("10");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("landscape");
    }

    @Test
    void imageBytesAreUploadedNamedByTheirRealTypeAndSentAsTheOneImageUrl() throws Exception {
        byte[] image = TestImages.png(640, 360);
        Exchange result = send("sora:imageToVideo?download=false", image, SoraConstants.PROMPT, "She turns around");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", UPLOAD)).hasSize(1);
        JsonNode upload = JsonApi.MAPPER.readTree(emulator.requests("POST", UPLOAD).get(0).body());
        assertThat(upload.path("base64Data").asText()).startsWith("data:image/png;base64,");
        assertThat(upload.path("fileName").asText()).endsWith(".png");
        JsonNode body = createBody(0);
        assertThat(body.path("model").asText()).isEqualTo("sora-2-image-to-video");
        assertThat(body.path("input").path("image_urls")).hasSize(1);
        String url = body.path("input").path("image_urls").get(0).asText();
        assertThat(url).startsWith(emulator.rootUrl() + "/kie-media/files/");
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Base64.getEncoder().encodeToString(served.body()))
                .isEqualTo(Base64.getEncoder().encodeToString(image));
    }

    @Test
    void getVideoAndDownloadVideoFollowATaskByItsTaskId() throws Exception {
        Exchange submitted = send("sora:textToVideo?download=false", "Fetched later");
        String id = submitted.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);

        Exchange task = send("sora:getVideo", null, SoraConstants.VIDEO_ID, id);
        assertThat(task.getException()).isNull();
        assertThat(task.getMessage().getBody(KieRecord.class).state()).isEqualTo("success");
        assertThat(task.getMessage().getHeader(SoraConstants.STATUS)).isEqualTo("success");

        Exchange video = send("sora:downloadVideo", null, SoraConstants.VIDEO_ID, id);
        assertThat(video.getException()).isNull();
        assertThat(Mp4Probe.probe(video.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(10.0, within(0.2));

        Exchange thumbnail = send("sora:downloadVideo?variant=thumbnail", null, SoraConstants.VIDEO_ID, id);
        assertThat(failureOf(thumbnail)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("variant", "thumbnail", "video"));
    }

    @Test
    void removeWatermarkSendsTheShareLinkToTheWatermarkRemoverAndDownloadsTheResult() throws Exception {
        String link = "https://sora.chatgpt.com/p/s_0123456789abcdef";
        Exchange result = send("sora:removeWatermark", link);

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds()).isPositive();
        JsonNode body = createBody(0);
        assertThat(body.path("model").asText()).isEqualTo("sora-watermark-remover");
        assertThat(body.path("input").path("video_url").asText()).isEqualTo(link);
        assertThat(body.path("input").size()).isEqualTo(1);

        Exchange byHeader = send("sora:removeWatermark?download=false", null, SoraConstants.VIDEO_URL, link);
        assertThat(byHeader.getException()).isNull();
        assertThat(createBody(1).path("input").path("video_url").asText()).isEqualTo(link);
    }

    @Test
    void removeWatermarkIsOnlyOfferedByProviderKie() {
        Exchange result = send("sora:removeWatermark?provider=openai&baseUrl=" + emulator.baseUrl(),
                "https://sora.chatgpt.com/p/s_0123456789abcdef");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("removeWatermark", "openai", "kie"));
        assertThat(emulator.requests("POST", CREATE)).isEmpty();
        assertThat(emulator.requests("POST", "/v1/videos")).isEmpty();
    }
}
