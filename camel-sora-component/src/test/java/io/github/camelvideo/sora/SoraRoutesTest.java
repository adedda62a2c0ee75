package io.github.camelvideo.sora;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Java and YAML routes shown in the component documentation, run as written. */
class SoraRoutesTest extends SoraTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // documentation example: Java DSL
                onException(VideoContentPolicyException.class)
                        .handled(true)
                        .log("Refused by moderation: ${exception.message} (video ${header.CamelSoraVideoId})")
                        .to("mock:refused");

                from("direct:generate")
                        .to("sora:textToVideo?seconds=8&size=1280x720")
                        .to("file:" + output.resolve("published") + "?fileName=${header.CamelSoraVideoId}.mp4")
                        .to("mock:done");

                // documentation example: storyboards dropped as .json files become one video each
                from("file:" + output.resolve("storyboards") + "?include=.*\\.json&delete=true")
                        .to("sora:storyboard?size=1280x720")
                        .to("file:" + output.resolve("published"))
                        .to("mock:storyboard-done");
            }
        };
    }

    @Test
    void javaRouteStoresTheVideoWithTheFileComponent() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBody("direct:generate", "A paper boat drifting down a rainy street");

        done.assertIsSatisfied();
        String id = done.getExchanges().get(0).getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        Path published = output.resolve("published").resolve(id + ".mp4");
        assertThat(published).exists();
        Mp4Info info = Mp4Probe.probe(published);
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
    }

    @Test
    void javaRouteHandlesModerationWithOnException() throws Exception {
        emulator.faults().failJobs(1, "moderation_blocked", "blocked");
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);
        refused.message(0).header(SoraConstants.VIDEO_ID).startsWith("video_");

        template.sendBody("direct:generate", "Something the moderation refuses");

        refused.assertIsSatisfied();
    }

    @Test
    void yamlRouteGeneratesAVideo() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/sora-text-to-video.yaml"));
        MockEndpoint done = getMockEndpoint("mock:yaml-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:yaml-generate", "Northern lights over a frozen lake");

        done.assertIsSatisfied();
        File file = done.getExchanges().get(0).getMessage().getBody(File.class);
        assertThat(Files.size(file.toPath())).isPositive();
        assertThat(Mp4Probe.probe(file.toPath()).durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(done.getExchanges().get(0).getMessage().getHeader(SoraConstants.SIZE)).isEqualTo("1280x720");
    }

    @Test
    void yamlRouteWritesAStoryboardInline() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/sora-storyboard.yaml"));
        MockEndpoint done = getMockEndpoint("mock:yaml-storyboard-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:yaml-storyboard", null);

        done.assertIsSatisfied();
        var message = done.getExchanges().get(0).getMessage();
        Mp4Info info = Mp4Probe.probe(message.getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(12.0, within(0.1));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(message.getHeader(SoraConstants.SCENE_VIDEO_IDS, java.util.List.class)).hasSize(3);
    }

    @Test
    void javaRouteTurnsStoryboardFilesIntoVideos() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:storyboard-done");
        done.expectedMessageCount(1);
        Path inbox = Files.createDirectories(output.resolve("storyboards"));

        // written elsewhere and moved in, so the consumer never sees a half-written file
        Path written = Files.copy(Path.of("src/test/resources/storyboards/lighthouse.json"),
                output.resolve("lighthouse.json"));
        Files.move(written, inbox.resolve("lighthouse.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        done.assertIsSatisfied();
        String name = done.getExchanges().get(0).getMessage().getHeader("CamelFileName", String.class);
        Path published = output.resolve("published").resolve(name);
        assertThat(name).startsWith("storyboard-video_").endsWith(".mp4");
        assertThat(Mp4Probe.probe(published).durationSeconds()).isCloseTo(12.0, within(0.1));
    }
}
