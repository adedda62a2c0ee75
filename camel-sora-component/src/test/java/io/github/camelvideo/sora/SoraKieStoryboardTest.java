package io.github.camelvideo.sora;

import java.io.File;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.storyboard.Storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * sora:storyboard on provider kie: one sora-2-pro-storyboard task when the scenes total exactly 10, 15 or 25 s, else
 * scene by scene and joined (Kie's Sora extends no video).
 */
class SoraKieStoryboardTest extends SoraTestSupport {

    @Override
    void configure(SoraConfiguration c) {
        super.configure(c);
        c.setProvider(SoraProviders.KIE);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(SoraKieTest.KIE_KEY);
        c.setModel("sora-2-pro");
    }

    @Test
    void scenesTotalling25SecondsAreOneStoryboardTaskOfShots() throws Exception {
        Storyboard storyboard = Storyboard.builder().scene("A keeper climbs the stairs", 10)
                .scene("The lamp turns as the sun rises", 15).build();

        Exchange result = send("sora:storyboard?size=1280x720", storyboard);

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(25.0, within(0.2));
        assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("multiShot");
        assertThat(emulator.requests("POST", SoraKieTest.CREATE)).hasSize(1);
        JsonNode body = SoraKieTest.createBody(0);
        assertThat(body.path("model").asText()).isEqualTo("sora-2-pro-storyboard");
        JsonNode input = body.path("input");
        assertThat(input.path("n_frames").asText()).isEqualTo("25");
        assertThat(input.path("size").asText()).isEqualTo("standard");
        assertThat(input.path("shots")).hasSize(2);
        assertThat(input.path("shots").get(0).path("Scene").asText()).contains("A keeper climbs the stairs");
        assertThat(input.path("shots").get(1).path("duration").isNumber()).isTrue();
        assertThat(input.path("shots").get(1).path("duration").asInt()).isEqualTo(15);
        assertThat(input.has("prompt")).isFalse();
    }

    @Test
    void aFirstFrameOfAStoryboardTaskIsUploaded() throws Exception {
        Storyboard storyboard = Storyboard.builder().scene("The tide comes in", 5).scene("The tide goes out", 5)
                .firstFrame(TestImages.png(1280, 720)).build();

        Exchange result = send("sora:storyboard", storyboard);

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", SoraKieTest.UPLOAD)).hasSize(1);
        JsonNode input = SoraKieTest.createBody(0).path("input");
        assertThat(input.path("n_frames").asText()).isEqualTo("10");
        assertThat(input.path("image_urls")).hasSize(1);
    }

    @Test
    void scenesThatDoNotFitOneTaskAreMadeOneByOneAndJoined() throws Exception {
        Storyboard storyboard = Storyboard.builder().scene("A keeper climbs the stairs", 10)
                .scene("The lamp turns as the sun rises", 10).build();

        Exchange result = send("sora:storyboard?size=1280x720", storyboard);

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(20.0, within(0.3));
        assertThat(result.getMessage().getHeader(SoraConstants.STORYBOARD_MODE)).isEqualTo("stitch");
        assertThat(emulator.requests("POST", SoraKieTest.CREATE)).hasSize(2);
        assertThat(SoraKieTest.createBody(0).path("model").asText()).isEqualTo("sora-2-pro-text-to-video");
        // the second scene starts from the first clip's last frame, uploaded
        assertThat(SoraKieTest.createBody(1).path("model").asText()).isEqualTo("sora-2-pro-image-to-video");
        assertThat(emulator.requests("POST", SoraKieTest.UPLOAD)).hasSize(1);
        List<?> ids = result.getMessage().getHeader(SoraConstants.SCENE_VIDEO_IDS, List.class);
        assertThat(ids).hasSize(2);
    }
}
