package io.github.camelvideo.kling;

import java.io.File;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;

class KlingImageToVideoTest extends KlingTestSupport {

    private static final String STD_I2V = "/fal/fal-ai/kling-video/v3/standard/image-to-video";

    @Test
    void sendsTheFirstAndLastFramesAsDataUrisAndTheVideoTakesTheFirstFramesShape() throws Exception {
        byte[] first = TestImages.png(360, 640);
        Exchange result = send("kling:imageToVideo?duration=3", first, KlingConstants.PROMPT, "She turns around",
                KlingConstants.LAST_FRAME, TestImages.png(360, 640));

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).size()).isEqualTo("720x1280");
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", STD_I2V).get(0).body());
        assertThat(body.path("start_image_url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(first));
        assertThat(body.path("end_image_url").asText()).startsWith("data:image/png;base64,");
        assertThat(body.has("aspect_ratio")).isFalse();
        assertThat(body.path("prompt").asText()).isEqualTo("She turns around");
    }

    @Test
    void anImageUrlHeaderReplacesTheBodyWhichIsThenThePrompt() throws Exception {
        Exchange result = send("kling:imageToVideo?download=false", "The waves roll in",
                KlingConstants.IMAGE_URL, "https://images.example/beach.png");

        assertThat(result.getException()).isNull();
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", STD_I2V).get(0).body());
        assertThat(body.path("start_image_url").asText()).isEqualTo("https://images.example/beach.png");
        assertThat(body.path("prompt").asText()).isEqualTo("The waves roll in");
    }

    @Test
    void turboEndpointsTakeTheirImageAsImageUrlAndNoLastFrame() throws Exception {
        Exchange result = send("kling:imageToVideo?model=kling-v3-turbo&download=false", TestImages.png(64, 64),
                KlingConstants.PROMPT, "Spin");
        Exchange refused = send("kling:imageToVideo?model=kling-v3-turbo", TestImages.png(64, 64),
                KlingConstants.PROMPT, "Spin", KlingConstants.LAST_FRAME, TestImages.png(64, 64));

        assertThat(result.getException()).isNull();
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", "/fal/.*/turbo/.*").get(0).body());
        assertThat(body.path("image_url").asText()).startsWith("data:image/png;base64,");
        assertThat(failureOf(refused)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("lastFrame").hasMessageContaining("takes no last frame");
        assertThat(emulator.requests("POST", "/fal/.*")).hasSize(1);
    }

    @Test
    void aBodyThatIsNoImageIsRefusedBeforeAnyRequest() {
        Exchange result = send("kling:imageToVideo", new byte[] {1, 2, 3}, KlingConstants.PROMPT, "Nothing");

        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining("image");
        assertThat(emulator.requests()).isEmpty();
    }
}
