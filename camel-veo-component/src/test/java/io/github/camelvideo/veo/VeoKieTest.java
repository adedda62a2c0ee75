package io.github.camelvideo.veo;

import java.awt.Color;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.protocol.kie.KieVeoRecord;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Veo 3.1 on Kie.ai's Veo API, every operation through real HTTP against the emulator. */
class VeoKieTest extends VeoKieTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The component "veo" as the documentation configures it for Kie (camel.component.veo.* properties). */
    @Override
    void configureGemini(VeoConfiguration c) {
        super.configureGemini(c);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(KIE_KEY);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // documentation example: kie
                from("direct:kie-clip")
                        .to("veo:textToVideo?provider=kie&aspectRatio=9:16&resolution=1080p") // 8 s at 1080p
                        .setHeader("CamelVeoPrompt", constant("The camera pulls back over the city"))
                        .to("veo:extend?provider=kie") // extends the task just made (CamelVeoOperationName)
                        .to("file:" + output.resolve("published"));
                // end of kie example
            }
        };
    }

    @Test
    void theDocumentedRouteMakesA1080pClipThenExtendsItsTask() throws Exception {
        Exchange result = send("direct:kie-clip", "A city street at night");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(15.0, within(0.3));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(emulator.requests("GET", FULL_HD + ".*")).isNotEmpty();
        String first = JSON.readTree(emulator.requests("POST", EXTEND).get(0).body()).path("taskId").asText();
        assertThat(first).startsWith("veo_task_");
        assertThat(result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class))
                .startsWith("veo_extend_task_");
    }

    @Test
    void textToVideoSendsKiesFieldsAndDownloadsTheEightSecondMp4() throws Exception {
        Exchange result = send("kieveo:textToVideo?aspectRatio=9:16&seed=12345", "A lighthouse in a storm");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.3));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(result.getMessage().getHeader(VeoConstants.STATUS)).isEqualTo("success");
        assertThat(result.getMessage().getHeader(VeoConstants.MODEL)).isEqualTo("veo3_fast");
        assertThat(result.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("0.30");
        assertThat(result.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class)).contains("/kie-media/veo/");
        String id = result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(id).startsWith("veo_task_");

        RecordedRequest generate = emulator.requests("POST", GENERATE).get(0);
        assertThat(generate.header("authorization")).isEqualTo("Bearer " + KIE_KEY);
        JsonNode body = JSON.readTree(generate.body());
        assertThat(body.path("prompt").asText()).isEqualTo("A lighthouse in a storm");
        assertThat(body.path("model").asText()).isEqualTo("veo3_fast");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(body.path("seeds").asInt()).isEqualTo(12345);
        assertThat(body.path("generationType").asText()).isEqualTo("TEXT_2_VIDEO");
        assertThat(body.has("callBackUrl")).isFalse();
        assertThat(emulator.requests("GET", RECORD + ".*")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query()).contains("taskId=" + id));
    }

    @Test
    void googlesModelIdsNameKiesModels() throws Exception {
        Exchange result = send("kieveo:textToVideo?model=veo-3.1-generate-preview&download=false", "A calm lake");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(VeoConstants.MODEL)).isEqualTo("veo3");
        assertThat(JSON.readTree(emulator.requests("POST", GENERATE).get(0).body()).path("model").asText())
                .isEqualTo("veo3");
    }

    @Test
    void imageToVideoUploadsTheFramesNamedByTheirTypeAndSendsTheirUrls() throws Exception {
        Exchange result = send("kieveo:imageToVideo?download=false", VeoImages.png(Color.ORANGE),
                VeoConstants.PROMPT, "Day turns to night", VeoConstants.LAST_FRAME, VeoImages.png(Color.BLUE));

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", UPLOAD)).hasSize(2).allSatisfy(upload -> {
            JsonNode file = readJson(upload.body());
            assertThat(file.path("fileName").asText()).endsWith(".png");
            assertThat(file.path("base64Data").asText()).startsWith("data:image/png;base64,");
        });
        JsonNode body = JSON.readTree(emulator.requests("POST", GENERATE).get(0).body());
        assertThat(body.path("generationType").asText()).isEqualTo("FIRST_AND_LAST_FRAMES_2_VIDEO");
        assertThat(body.path("imageUrls")).hasSize(2);
        assertThat(body.path("imageUrls").get(0).asText()).contains("/kie-media/files/");
    }

    @Test
    void extendContinuesTheEarlierTaskByItsId() throws Exception {
        Exchange first = send("kieveo:textToVideo?download=false", "A kite rising over a beach");
        String taskId = first.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);

        Exchange extended = send("kieveo:extend?seed=54321", "The kite flies away", VeoConstants.OPERATION_NAME,
                taskId);

        assertThat(extended.getException()).isNull();
        assertThat(Mp4Probe.probe(extended.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(15.0, within(0.3));
        assertThat(extended.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class))
                .startsWith("veo_extend_task_");
        JsonNode body = JSON.readTree(emulator.requests("POST", EXTEND).get(0).body());
        assertThat(body.path("taskId").asText()).isEqualTo(taskId);
        assertThat(body.path("prompt").asText()).isEqualTo("The kite flies away");
        assertThat(body.path("seeds").asInt()).isEqualTo(54321);
    }

    @Test
    void resolution1080pIsFetchedAfterTheVideoIsReady() throws Exception {
        Exchange result = send("kieveo:textToVideo?resolution=1080p", "A quiet street at dawn");

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).size()).isEqualTo("1920x1080");
        assertThat(result.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class)).endsWith("_1080p.mp4");
        assertThat(emulator.requests("GET", FULL_HD + ".*")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.query()).contains("index=0"));
        assertThat(JSON.readTree(emulator.requests("POST", GENERATE).get(0).body()).has("resolution")).isFalse();
    }

    @Test
    void resolution4kFollowsTheSeparate4kTask() throws Exception {
        Exchange result = send("kieveo:textToVideo?resolution=4k&download=false", "A mountain at noon");

        assertThat(result.getException()).isNull();
        KieVeoRecord record = result.getMessage().getBody(KieVeoRecord.class);
        assertThat(record.resolution()).isEqualTo("4k");
        assertThat(record.taskId()).startsWith("veo_4k_task_");
        assertThat(result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class)).startsWith("veo_task_");
        assertThat(emulator.requests("POST", FOUR_K)).hasSize(1);
        JsonNode body = JSON.readTree(emulator.requests("POST", FOUR_K).get(0).body());
        assertThat(body.path("taskId").asText()).isEqualTo(result.getMessage().getHeader(VeoConstants.OPERATION_NAME));
        assertThat(body.path("index").asInt()).isZero();
    }

    @Test
    void withoutWaitingTheRouteGetsTheTaskThenReadsAndDownloadsItById() throws Exception {
        CLOCK.pause();
        Exchange submitted = send("kieveo:textToVideo?waitForCompletion=false", "Rain on a window");
        assertThat(submitted.getException()).isNull();
        String id = submitted.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(send("kieveo:getOperation", null, VeoConstants.OPERATION_NAME, id).getMessage()
                .getHeader(VeoConstants.STATUS)).isEqualTo("generating");

        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "success".equals(send("kieveo:getOperation", null,
                VeoConstants.OPERATION_NAME, id).getMessage().getHeader(VeoConstants.STATUS)));
        Exchange status = send("kieveo:getOperation", null, VeoConstants.OPERATION_NAME, id);
        assertThat(status.getMessage().getBody(KieVeoRecord.class).videoUrl()).contains("/kie-media/veo/");
        Exchange downloaded = send("kieveo:downloadVideo", null, VeoConstants.OPERATION_NAME, id);

        assertThat(downloaded.getException()).isNull();
        assertThat(Mp4Probe.probe(downloaded.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(8.0, within(0.3));
    }

    @Test
    void aStoryboardChainsExtendsByTaskIdIntoOneVideo() throws Exception {
        Exchange result = send("kieveo:storyboard?storyboardMode=extend", VeoStoryboardTest.chainable());

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(22.0, within(0.3));
        List<?> names = result.getMessage().getHeader(VeoConstants.SCENE_OPERATION_NAMES, List.class);
        assertThat(names).hasSize(3);
        assertThat(emulator.requests("POST", GENERATE)).hasSize(1);
        List<RecordedRequest> extensions = emulator.requests("POST", EXTEND);
        assertThat(extensions).hasSize(2);
        assertThat(JSON.readTree(extensions.get(0).body()).path("taskId").asText()).isEqualTo(names.get(0));
        assertThat(JSON.readTree(extensions.get(1).body()).path("taskId").asText()).isEqualTo(names.get(1));
    }

    @Test
    void aStoryboardOfSeparateScenesIsStitched() throws Exception {
        Storyboard board = Storyboard.builder().scene("A paper crane unfolds on a desk", 8)
                .scene("It glides over the rooftops at dusk", 8).build();

        Exchange result = send("kieveo:storyboard?storyboardMode=stitch", board);

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(16.0, within(0.3));
        assertThat(emulator.requests("POST", GENERATE)).hasSize(2);
        assertThat(emulator.requests("POST", EXTEND)).isEmpty();
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
