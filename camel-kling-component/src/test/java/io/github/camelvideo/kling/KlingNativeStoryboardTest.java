package io.github.camelvideo.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.storyboard.Storyboard;

/** kling:storyboard on provider kling: one multi-shot task when the scenes fit it, else scenes stitched. */
class KlingNativeStoryboardTest extends KlingNativeTestSupport {

    @Test
    void scenesThatFitOneTaskAreMadeByOneMultiShotCreate() throws Exception {
        Storyboard storyboard = Storyboard.builder().style("Warm 35mm film")
                .scene("A lighthouse keeper climbs the stairs", 3)
                .scene("He opens the door to the lamp room", 4)
                .scene("The lamp turns", 2)
                .build();

        Exchange result = send("kling:storyboard?generateAudio=false", storyboard);

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(9.0, within(0.2));
        assertThat(result.getMessage().getHeader(KlingConstants.STORYBOARD_MODE)).isEqualTo("multiShot");
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
        JsonNode body = JsonApi.MAPPER.readTree(emulator.requests("POST", CREATE).get(0).body());
        assertThat(body.path("multi_shot").asBoolean()).isTrue();
        assertThat(body.path("shot_type").asText()).isEqualTo("customize");
        assertThat(body.path("duration").asText()).isEqualTo("9");
        JsonNode shots = body.path("multi_prompt");
        assertThat(shots).hasSize(3);
        assertThat(shots.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(shots.get(0).path("prompt").asText()).startsWith("A lighthouse keeper").endsWith("Warm 35mm film");
        assertThat(shots.get(1).path("duration").asText()).isEqualTo("4");
    }

    @Test
    void sevenScenesAreStitched() {
        Storyboard.Builder builder = Storyboard.builder();
        for (int i = 1; i <= 7; i++) {
            builder.scene("Scene " + i, 3);
        }

        Exchange result = send("kling:storyboard?generateAudio=false", builder.build());

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlingConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(emulator.requests("POST", CREATE)).hasSize(7);
        assertThat(result.getMessage().getHeader(KlingConstants.SCENE_REQUEST_IDS, List.class)).hasSize(7);
    }

    @Test
    void sixteenSecondsAreStitched() throws Exception {
        Storyboard storyboard = Storyboard.builder().scene("One", 8).scene("Two", 8).build();

        Exchange result = send("kling:storyboard?generateAudio=false", storyboard);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(KlingConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(emulator.requests("POST", CREATE)).hasSize(2);
        assertThat(emulator.requests("POST", CREATE).get(0).bodyAsString()).doesNotContain("multi_shot");
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(16.0, within(0.3));
    }
}
