package io.github.camelvideo.veo;

import java.awt.Color;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.veo.google.VeoJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Every operation on the Gemini API, through real HTTP against the emulator. */
class VeoGeminiTest extends VeoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textToVideoWaitsDownloadsBehindTheRedirectAndReportsTheJob() throws Exception {
        Exchange result = send("veo:textToVideo", "A lighthouse in a storm, waves crashing");

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        Mp4Info info = Mp4Probe.probe(video.toPath());
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.3));
        assertThat(info.size()).isEqualTo("1280x720");
        String name = result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(name).startsWith("models/veo-3.1-generate-preview/operations/");
        assertThat(video.getName()).isEqualTo(name.substring(name.lastIndexOf('/') + 1) + ".mp4");
        assertThat(result.getMessage().getHeader(VeoConstants.STATUS)).isEqualTo("succeeded");
        assertThat(result.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("3.20");
        assertThat(result.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class)).contains("/v1beta/files/");
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");

        RecordedRequest create = emulator.requests("POST", "/v1beta/models/.*").get(0);
        assertThat(create.path()).isEqualTo("/v1beta/models/veo-3.1-generate-preview:predictLongRunning");
        assertThat(create.header("x-goog-api-key")).isEqualTo(API_KEY);
        assertThat(emulator.requests("GET", "/v1beta/" + name)).isNotEmpty();
        assertThat(emulator.requests("GET", "/v1beta/files/.*").get(0).status()).isEqualTo(302);
        assertThat(emulator.requests("GET", "/download/.*").get(0).status()).isEqualTo(200);
    }

    @Test
    void parametersFromOptionsAndHeadersReachTheRequest() throws Exception {
        Exchange result = send("veo:textToVideo?aspectRatio=9:16&negativePrompt=cars&personGeneration=allow_all",
                "A quiet street at dawn", VeoConstants.DURATION_SECONDS, 4, VeoConstants.MODEL,
                "veo-3.1-fast-generate-preview");

        assertThat(result.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(result.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.3));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(result.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("0.40");
        JsonNode body = JSON.readTree(emulator.requests("POST", "/v1beta/models/.*").get(0).body());
        assertThat(body.path("instances").get(0).path("prompt").asText()).isEqualTo("A quiet street at dawn");
        JsonNode p = body.path("parameters");
        assertThat(p.path("aspectRatio").asText()).isEqualTo("9:16");
        assertThat(p.path("durationSeconds").asInt()).isEqualTo(4);
        assertThat(p.path("negativePrompt").asText()).isEqualTo("cars");
        assertThat(p.path("personGeneration").asText()).isEqualTo("allow_all");
        assertThat(p.has("seed")).isFalse();
    }

    @Test
    void imageToVideoSendsTheFirstAndLastFrame() throws Exception {
        Exchange result = send("veo:imageToVideo?durationSeconds=6&personGeneration=allow_adult",
                VeoImages.png(Color.ORANGE), VeoConstants.PROMPT, "The sun sets over the sea",
                VeoConstants.LAST_FRAME, VeoImages.png(Color.BLUE));

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(6.0, within(0.3));
        JsonNode instance = JSON.readTree(emulator.requests("POST", "/v1beta/models/.*").get(0).body())
                .path("instances").get(0);
        assertThat(instance.path("image").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(instance.path("image").path("bytesBase64Encoded").asText()).isNotEmpty();
        assertThat(instance.path("lastFrame").path("mimeType").asText()).isEqualTo("image/png");
    }

    @Test
    void imageToVideoSendsReferenceImages() throws Exception {
        Exchange result = send("veo:imageToVideo", VeoImages.png(Color.GREEN), VeoConstants.PROMPT,
                "The same cat, now sailing", VeoConstants.REFERENCE_IMAGES,
                List.of(VeoImages.png(Color.WHITE), VeoImages.png(Color.BLACK)));

        assertThat(result.getException()).isNull();
        JsonNode references = JSON.readTree(emulator.requests("POST", "/v1beta/models/.*").get(0).body())
                .path("instances").get(0).path("referenceImages");
        assertThat(references).hasSize(2);
        assertThat(references.get(0).path("referenceType").asText()).isEqualTo("asset");
    }

    @Test
    void extendContinuesTheEarlierVideoFromItsUri() throws Exception {
        Exchange first = send("veo:textToVideo", "A kite rising over a beach");
        String uri = first.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class);

        Exchange extended = send("veo:extend", "The kite's string snaps and it flies away", VeoConstants.VIDEO_URI,
                uri);

        assertThat(extended.getException()).isNull();
        assertThat(Mp4Probe.probe(extended.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(15.0, within(0.3));
        assertThat(extended.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("2.80");
        JsonNode instance = JSON.readTree(emulator.requests("POST", "/v1beta/models/.*").get(1).body())
                .path("instances").get(0);
        assertThat(instance.path("video").path("uri").asText()).isEqualTo(uri);
    }

    @Test
    void withoutWaitingTheRouteGetsTheOperationThenFollowsAndDownloadsIt() throws Exception {
        CLOCK.pause(); // the job stays running until the clock moves
        Exchange submitted = send("veo:textToVideo?waitForCompletion=false", "Rain on a window");
        assertThat(submitted.getException()).isNull();
        VeoJob job = submitted.getMessage().getBody(VeoJob.class);
        assertThat(job.done()).isFalse();
        String name = submitted.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(job.name()).isEqualTo(name);

        Exchange running = send("veo:downloadVideo", null, VeoConstants.OPERATION_NAME, name);
        assertThat(failureOf(running)).hasMessageContaining("status is 'running'");

        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> send("veo:getOperation", null,
                VeoConstants.OPERATION_NAME, name).getMessage().getBody(VeoJob.class).done());
        Exchange downloaded = send("veo:downloadVideo", null, VeoConstants.OPERATION_NAME, name);

        assertThat(downloaded.getException()).isNull();
        assertThat(Mp4Probe.probe(downloaded.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(8.0, within(0.3));
        Exchange status = send("veo:getOperation", null, VeoConstants.OPERATION_NAME, name);
        assertThat(status.getMessage().getBody(VeoJob.class).done()).isTrue();
        assertThat(status.getMessage().getHeader(VeoConstants.STATUS)).isEqualTo("succeeded");
        assertThat(status.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class)).contains("/files/");
    }

    @Test
    void aDownloadCutOffMidwayResumesAndTheFileIsWhole() throws Exception {
        emulator.faults().resetDownload(1, 2000);

        Exchange result = send("veo:textToVideo?durationSeconds=4", "Leaves falling in a park");

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(4.0, within(0.3));
        assertThat(emulator.requests("GET", "/download/.*")).hasSizeGreaterThan(1);
    }
}
