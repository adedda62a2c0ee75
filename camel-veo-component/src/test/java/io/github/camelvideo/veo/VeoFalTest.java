package io.github.camelvideo.veo;

import java.awt.Color;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.protocol.fal.FalJob;
import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Veo 3.1 on fal's queue, every operation through real HTTP against the emulator. */
class VeoFalTest extends VeoFalTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textToVideoGoesToTheFastEndpointWithFalsFieldsAndDownloadsTheMp4() throws Exception {
        Exchange result = send("falveo:textToVideo?aspectRatio=9:16&negativePrompt=cars&generateAudio=false&seed=42",
                "A lighthouse in a storm", VeoConstants.DURATION_SECONDS, 6);

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(6.0, within(0.3));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(result.getMessage().getHeader(VeoConstants.STATUS)).isEqualTo("COMPLETED");
        assertThat(result.getMessage().getHeader(VeoConstants.MODEL)).isEqualTo("veo3.1-fast");
        assertThat(result.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("0.90");
        assertThat(result.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class)).contains("/fal-media/");

        RecordedRequest submit = emulator.requests("POST", SUBMIT).get(0);
        assertThat(submit.path()).isEqualTo("/fal/fal-ai/veo3.1/fast");
        assertThat(submit.header("authorization")).isEqualTo("Key " + FAL_KEY);
        JsonNode body = JSON.readTree(submit.body());
        assertThat(body.path("prompt").asText()).isEqualTo("A lighthouse in a storm");
        assertThat(body.path("duration").asText()).isEqualTo("6s");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(body.path("negative_prompt").asText()).isEqualTo("cars");
        assertThat(body.path("generate_audio").isBoolean()).isTrue();
        assertThat(body.path("generate_audio").asBoolean()).isFalse();
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        String id = result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(emulator.requests("GET", "/fal/fal-ai/veo3.1/requests/" + id + ".*")).isNotEmpty();
    }

    @Test
    void theQualityModelAndResolutionChooseTheEndpointAndTheSize() throws Exception {
        Exchange result = send("falveo:textToVideo?model=veo3.1&resolution=1080p", "A quiet street at dawn");

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).size()).isEqualTo("1920x1080");
        assertThat(result.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("3.20");
        RecordedRequest submit = emulator.requests("POST", SUBMIT).get(0);
        assertThat(submit.path()).isEqualTo("/fal/fal-ai/veo3.1");
        assertThat(JSON.readTree(submit.body()).path("resolution").asText()).isEqualTo("1080p");
    }

    @Test
    void imageToVideoSendsTheFrameAsADataUriAndTakesItsShape() throws Exception {
        Exchange result = send("falveo:imageToVideo?durationSeconds=4", VeoImages.png(Color.ORANGE),
                VeoConstants.PROMPT, "The sun sets over the sea");

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(4.0, within(0.3));
        RecordedRequest submit = emulator.requests("POST", SUBMIT).get(0);
        assertThat(submit.path()).isEqualTo("/fal/fal-ai/veo3.1/fast/image-to-video");
        assertThat(JSON.readTree(submit.body()).path("image_url").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void aFirstAndLastFrameGoToTheFirstLastFrameEndpoint() throws Exception {
        Exchange result = send("falveo:imageToVideo?download=false", VeoImages.png(Color.ORANGE),
                VeoConstants.PROMPT, "Day turns to night", VeoConstants.LAST_FRAME, VeoImages.png(Color.BLUE));

        assertThat(result.getException()).isNull();
        RecordedRequest submit = emulator.requests("POST", SUBMIT).get(0);
        assertThat(submit.path()).isEqualTo("/fal/fal-ai/veo3.1/fast/first-last-frame-to-video");
        JsonNode body = JSON.readTree(submit.body());
        assertThat(body.path("first_frame_url").asText()).startsWith("data:image/png;base64,");
        assertThat(body.path("last_frame_url").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void extendContinuesTheEarlierResultOnTheExtendEndpoint() throws Exception {
        Exchange first = send("falveo:textToVideo?download=false", "A kite rising over a beach");
        String url = first.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class);

        Exchange extended = send("falveo:extend", "The kite flies away", VeoConstants.VIDEO_URI, url);

        assertThat(extended.getException()).isNull();
        assertThat(Mp4Probe.probe(extended.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(7.0, within(0.3));
        RecordedRequest submit = emulator.requests("POST", SUBMIT).get(1);
        assertThat(submit.path()).isEqualTo("/fal/fal-ai/veo3.1/fast/extend-video");
        assertThat(JSON.readTree(submit.body()).path("video_url").asText()).isEqualTo(url);
    }

    @Test
    void withoutWaitingTheRouteGetsTheRequestThenReadsAndDownloadsItById() throws Exception {
        CLOCK.pause();
        Exchange submitted = send("falveo:textToVideo?waitForCompletion=false", "Rain on a window");
        assertThat(submitted.getException()).isNull();
        String id = submitted.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(id).isNotBlank();

        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(send("falveo:getOperation", null,
                VeoConstants.OPERATION_NAME, id).getMessage().getHeader(VeoConstants.STATUS)));
        Exchange status = send("falveo:getOperation", null, VeoConstants.OPERATION_NAME, id);
        assertThat(status.getMessage().getBody(FalJob.class).videoUrl()).contains("/fal-media/");
        Exchange downloaded = send("falveo:downloadVideo", null, VeoConstants.OPERATION_NAME, id);

        assertThat(downloaded.getException()).isNull();
        assertThat(Mp4Probe.probe(downloaded.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(8.0, within(0.3));
    }

    @Test
    void aModelWithoutTheEndpointIsRefusedBeforeAnythingIsSent() {
        Exchange result = send("falveo:extend?model=veo3.1", "More", VeoConstants.VIDEO_URI,
                "https://example.com/v.mp4");

        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("veo3.1").hasMessageContaining("veo3.1-fast");
        assertThat(emulator.requests("POST", SUBMIT)).isEmpty();
    }

    @Test
    void aDurationFalDoesNotTakeIsRefusedBeforeAnythingIsSent() {
        Exchange result = send("falveo:textToVideo?durationSeconds=5", "Too long");

        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("durationSeconds").hasMessageContaining("4, 6, 8");
        assertThat(emulator.requests("POST", SUBMIT)).isEmpty();
    }
}
