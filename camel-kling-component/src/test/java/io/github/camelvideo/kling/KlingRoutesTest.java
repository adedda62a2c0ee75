package io.github.camelvideo.kling;

import java.nio.file.Path;
import java.util.List;

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
class KlingRoutesTest extends KlingTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // documentation example: Java DSL
                onException(VideoContentPolicyException.class)
                        .handled(true)
                        .log("Refused by fal's content checker: ${exception.message} (task ${header.CamelKlingRequestId})")
                        .to("mock:refused");

                from("direct:generate")
                        .to("kling:textToVideo?duration=5&aspectRatio=9:16")
                        .to("file:" + output.resolve("published") + "?fileName=${header.CamelKlingRequestId}.mp4")
                        .to("mock:done");
            }
        };
    }

    @Test
    void javaRouteStoresTheVideoWithTheFileComponent() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBody("direct:generate", "A paper boat drifting down a rainy street");

        done.assertIsSatisfied();
        String id = done.getExchanges().get(0).getMessage().getHeader(KlingConstants.REQUEST_ID, String.class);
        Path published = output.resolve("published").resolve(id + ".mp4");
        Mp4Info info = Mp4Probe.probe(published);
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.2));
        assertThat(info.size()).isEqualTo("720x1280");
    }

    @Test
    void javaRouteHandlesAContentFilterRefusalWithOnException() throws Exception {
        emulator.faults().filterJobs(1, List.of("violence"));
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);
        refused.message(0).header(KlingConstants.REQUEST_ID).isNotNull();

        template.sendBody("direct:generate", "Something the checker refuses");

        refused.assertIsSatisfied();
    }

    @Test
    void yamlRouteGeneratesAVideo() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/kling-text-to-video.yaml"));
        MockEndpoint done = getMockEndpoint("mock:yaml-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:yaml-generate", "A hot air balloon over a valley at sunrise");

        done.assertIsSatisfied();
        Mp4Info info = Mp4Probe.probe(done.getExchanges().get(0).getMessage().getBody(java.io.File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.2));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(emulator.requests("POST", "/fal/.*").get(0).bodyAsString()).contains("\"generate_audio\":false");
    }
}
