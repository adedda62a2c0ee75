package io.github.camelvideo.sora;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.testing.PageSnippets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The XML DSL twins of the page's YAML examples, loaded by camel-xml-io-dsl and run against the emulator. */
class SoraXmlDslTest extends SoraTestSupport {

    private static final Path ROUTE = Path.of("src/test/resources/routes/sora-text-to-video.xml");
    private static final Path STORYBOARD = Path.of("src/test/resources/routes/sora-storyboard.xml");

    @Test
    void xmlRouteGeneratesAVideo() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/sora-text-to-video.xml"));
        MockEndpoint done = getMockEndpoint("mock:xml-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:xml-generate", "Fireflies over a rice field at dusk");

        done.assertIsSatisfied();
        var message = done.getExchanges().get(0).getMessage();
        Mp4Info info = Mp4Probe.probe(message.getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(message.getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("video_");
    }

    @Test
    void xmlRouteWritesAStoryboardInline() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/sora-storyboard.xml"));
        MockEndpoint done = getMockEndpoint("mock:xml-storyboard-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:xml-storyboard", null);

        done.assertIsSatisfied();
        var message = done.getExchanges().get(0).getMessage();
        assertThat(Mp4Probe.probe(message.getBody(File.class).toPath()).durationSeconds()).isCloseTo(12.0, within(0.1));
        assertThat(message.getHeader(SoraConstants.SCENE_VIDEO_IDS, java.util.List.class)).hasSize(3);
    }

    @Test
    void thePageShowsTheXmlRoutes() throws IOException {
        PageSnippets page = PageSnippets.of(Path.of("..", "docs", "sora-component.md"));
        page.assertShowsFile("xml", ROUTE);
        page.assertShowsFile("xml", STORYBOARD);
    }
}
