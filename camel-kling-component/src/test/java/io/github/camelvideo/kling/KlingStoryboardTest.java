package io.github.camelvideo.kling;

import java.io.File;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.storyboard.Storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** kling:storyboard: each scene generated from the previous one's last frame, the clips joined into one MP4. */
class KlingStoryboardTest extends KlingTestSupport {

    static Storyboard twoScenes() {
        return Storyboard.builder().style("Warm 35mm film")
                .scene("A lighthouse keeper climbs the stairs", 3)
                .scene("He opens the door to the lamp room", 4)
                .build();
    }

    @Test
    void stitchesTheScenesIntoOneVideoOfTheirSummedLength() throws Exception {
        Exchange result = send("kling:storyboard?aspectRatio=16:9&generateAudio=false", twoScenes());

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(7.0, within(0.2));
        assertThat(Mp4Probe.probe(video.toPath()).size()).isEqualTo("1280x720");
        assertThat(result.getMessage().getHeader(KlingConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(result.getMessage().getHeader(KlingConstants.SECONDS)).isEqualTo(7);
        assertThat(result.getMessage().getHeader(KlingConstants.SCENE_REQUEST_IDS, List.class)).hasSize(2);
        // 7 s of kling-v3 std without sound at 0.084 USD/s
        assertThat(result.getMessage().getHeader(KlingConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("0.59");

        JsonNode first = JsonApi.MAPPER.readTree(emulator.requests("POST", "/fal/.*/text-to-video").get(0).body());
        assertThat(first.path("prompt").asText()).contains("Warm 35mm film").contains("climbs the stairs");
        assertThat(first.path("duration").asText()).isEqualTo("3");
        JsonNode second = JsonApi.MAPPER.readTree(emulator.requests("POST", "/fal/.*/image-to-video").get(0).body());
        assertThat(second.path("start_image_url").asText()).startsWith("data:image/png;base64,");
        assertThat(second.path("duration").asText()).isEqualTo("4");
        assertThat(outputFiles()).containsExactly(video.toPath());
    }

    @Test
    void sceneLengthsTheModelCannotMakeAreRefusedBeforeAnyRequest() {
        Storyboard tooLong = Storyboard.builder().scene("One", 5).scene("Two", 20).build();

        Exchange result = send("kling:storyboard", tooLong);

        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining("scene 2")
                .hasMessageContaining("'20'");
        assertThat(emulator.requests()).isEmpty();
    }
}
