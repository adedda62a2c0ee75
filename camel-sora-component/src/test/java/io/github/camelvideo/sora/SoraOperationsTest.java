package io.github.camelvideo.sora;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.MediaType;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.sora.openai.SoraVideo;
import io.github.camelvideo.sora.openai.SoraVideoDeleted;
import io.github.camelvideo.sora.openai.SoraVideoList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoraOperationsTest extends SoraTestSupport {

    @Test
    void imageToVideoUploadsTheImageAsMultipart() throws Exception {
        byte[] png = TestImages.png(1280, 720);
        Exchange result = send("sora:imageToVideo?size=1280x720&seconds=4", png, SoraConstants.PROMPT,
                "The ball starts rolling");

        assertThat(result.getException()).isNull();
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).size()).isEqualTo("1280x720");
        RecordedRequest create = emulator.requests("POST", "/v1/videos").get(0);
        assertThat(create.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(create.bodyAsString()).contains("name=\"input_reference\"; filename=\"input_reference.png\"")
                .contains("Content-Type: image/png").contains("The ball starts rolling");
    }

    @Test
    void imageToVideoTakesAFileOrPathBody() throws Exception {
        Path image = Files.write(output.resolve("first-frame.png"), TestImages.png(720, 1280));
        assertThat(send("sora:imageToVideo", image.toFile(), SoraConstants.PROMPT, "From a file").getException())
                .isNull();
        assertThat(send("sora:imageToVideo", image, SoraConstants.PROMPT, "From a path").getException()).isNull();
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(2);
    }

    @Test
    void imageToVideoWithAnImageUrlSendsJson() {
        Exchange result = send("sora:imageToVideo?download=false", "Waves roll in", SoraConstants.IMAGE_URL,
                "https://example.com/first-frame.png");

        assertThat(result.getException()).isNull();
        RecordedRequest create = emulator.requests("POST", "/v1/videos").get(0);
        assertThat(create.bodyAsString())
                .contains("\"input_reference\":{\"image_url\":\"https://example.com/first-frame.png\"}");
    }

    @Test
    void remixCreatesANewVideoFromACompletedOne() {
        String source = createVideo(4);
        Exchange result = send("sora:remix?download=false", "Same scene, at night", SoraConstants.VIDEO_ID, source);

        SoraVideo remix = result.getMessage().getBody(SoraVideo.class);
        assertThat(remix.getRemixedFromVideoId()).isEqualTo(source);
        assertThat(remix.getId()).isNotEqualTo(source);
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID)).isEqualTo(remix.getId());
        // priced from the finished job, since a remix's length follows its source
        assertThat(result.getMessage().getHeader(SoraConstants.COST_USD)).hasToString("0.40");
        assertThat(emulator.requests("POST", "/v1/videos/" + source + "/remix")).hasSize(1);
    }

    @Test
    void extendAddsSecondsToACompletedVideo() throws Exception {
        String source = createVideo(4);
        Exchange result = send("sora:extend?seconds=4", "The camera pulls back", SoraConstants.VIDEO_ID, source);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SoraConstants.SECONDS)).isEqualTo(8);
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(8.0, within(0.5));
        assertThat(emulator.requests("POST", "/v1/videos/extensions").get(0).bodyAsString())
                .contains("\"video\":{\"id\":\"" + source + "\"}").contains("\"seconds\":\"4\"");
    }

    @Test
    void getVideoReturnsTheJobWithoutWaiting() {
        String id = createVideo(4);
        Exchange result = send("sora:getVideo", null, SoraConstants.VIDEO_ID, id);

        SoraVideo video = result.getMessage().getBody(SoraVideo.class);
        assertThat(video.getId()).isEqualTo(id);
        assertThat(video.getStatus()).isEqualTo("completed");
        assertThat(result.getMessage().getHeader(SoraConstants.STATUS)).isEqualTo("completed");
    }

    @Test
    void listVideosPagesWithAfter() {
        String a = createVideo(4);
        String b = createVideo(4);
        String c = createVideo(4);

        // newest first, so the three just made lead the list whatever earlier tests left behind
        SoraVideoList first = send("sora:listVideos?limit=2&order=desc", null).getMessage()
                .getBody(SoraVideoList.class);
        assertThat(first.getData()).extracting(SoraVideo::getId).containsExactly(c, b);
        assertThat(first.isHasMore()).isTrue();
        assertThat(first.getLastId()).isEqualTo(b);

        SoraVideoList second = send("sora:listVideos?limit=2&order=desc&after=" + first.getLastId(), null)
                .getMessage().getBody(SoraVideoList.class);
        assertThat(second.getData()).extracting(SoraVideo::getId).startsWith(a);
    }

    @Test
    void deleteVideoRemovesIt() {
        String id = createVideo(4);
        SoraVideoDeleted deleted = send("sora:deleteVideo", null, SoraConstants.VIDEO_ID, id).getMessage()
                .getBody(SoraVideoDeleted.class);
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.getId()).isEqualTo(id);
        assertThat(send("sora:getVideo", null, SoraConstants.VIDEO_ID, id).getException()).isNotNull();
    }

    @Test
    void downloadVideoFetchesEachVariant() throws Exception {
        String id = createVideo(4);

        File video = send("sora:downloadVideo", null, SoraConstants.VIDEO_ID, id).getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(4.0, within(0.5));

        Exchange thumb = send("sora:downloadVideo?variant=thumbnail", null, SoraConstants.VIDEO_ID, id);
        File thumbnail = thumb.getMessage().getBody(File.class);
        assertThat(thumbnail.getName()).startsWith(id + "-thumbnail.");
        assertThat(MediaType.detect(Files.readAllBytes(thumbnail.toPath()))).get().matches(MediaType::isImage);
        assertThat(thumb.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).startsWith("image/");

        Exchange sheet = send("sora:downloadVideo", null, SoraConstants.VIDEO_ID, id, SoraConstants.VARIANT,
                "spritesheet");
        assertThat(sheet.getMessage().getBody(File.class).getName()).startsWith(id + "-spritesheet.");
        assertThat(emulator.requests("GET", "/v1/videos/" + id + "/content")).extracting(RecordedRequest::query)
                .contains("variant=video", "variant=thumbnail", "variant=spritesheet");
    }

    @Test
    void operationHeaderOverridesTheEndpoint() {
        String id = createVideo(4);
        Exchange result = send("sora:listVideos", null, SoraConstants.OPERATION, "getVideo", SoraConstants.VIDEO_ID,
                id);
        assertThat(result.getMessage().getBody()).isInstanceOf(SoraVideo.class);
    }

    @Test
    void twoJobStepsInOneExchangeMakeTwoJobs() {
        Exchange result = template.send("direct:textThenRemix", e -> e.getMessage().setBody("A kite on a beach"));

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(emulator.requests("POST", "/v1/videos/video_[0-9a-f]+/remix")).hasSize(1);
        assertThat(result.getMessage().getBody(SoraVideo.class).getRemixedFromVideoId()).startsWith("video_");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:textThenRemix")
                        .to("sora:textToVideo?download=false")
                        .setBody(constant("The same beach in a storm"))
                        .to("sora:remix?download=false");
            }
        };
    }

    private String createVideo(int seconds) {
        Exchange e = send("sora:textToVideo?download=false&seconds=" + seconds, "A lighthouse at dawn");
        assertThat(e.getException()).isNull();
        return e.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
    }
}
