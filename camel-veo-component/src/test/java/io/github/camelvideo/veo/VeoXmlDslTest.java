package io.github.camelvideo.veo;

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
class VeoXmlDslTest extends VeoTestSupport {

    private static final Path ROUTE = Path.of("src/test/resources/routes/veo-text-to-video.xml");
    private static final Path STORYBOARD = Path.of("src/test/resources/routes/veo-storyboard.xml");

    @Test
    void xmlRouteGeneratesAPortraitVideo() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/veo-text-to-video.xml"));
        MockEndpoint done = getMockEndpoint("mock:xml-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:xml-generate", "A lighthouse in a storm");

        done.assertIsSatisfied();
        Mp4Info info = Mp4Probe.probe(done.getExchanges().get(0).getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(6.0, within(0.5));
        assertThat(info.height()).isGreaterThan(info.width());
    }

    @Test
    void xmlRouteWritesAStoryboardInline() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/veo-storyboard.xml"));
        MockEndpoint done = getMockEndpoint("mock:xml-storyboard-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:xml-storyboard", null);

        done.assertIsSatisfied();
        var message = done.getExchanges().get(0).getMessage();
        assertThat(Mp4Probe.probe(message.getBody(File.class).toPath()).durationSeconds()).isCloseTo(22.0,
                within(0.1));
        assertThat(message.getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("extend");
    }

    @Test
    void thePageShowsTheXmlRoutes() throws IOException {
        PageSnippets page = PageSnippets.of(Path.of("..", "docs", "veo-component.md"));
        page.assertShowsFile("xml", ROUTE);
        page.assertShowsFile("xml", STORYBOARD);
    }
}
