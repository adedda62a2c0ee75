package io.github.camelvideo.veo;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Java and YAML routes shown in the component documentation, run as written against the emulated Gemini API. */
class VeoRoutesTest extends VeoTestSupport {

    private static final String CREATE = "/v1beta/models/[^/]+:predictLongRunning";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // documentation example: Java DSL
                onException(VideoContentPolicyException.class)
                        .handled(true)
                        .log("Removed by safety filters: ${exception.message} (operation ${header.CamelVeoOperationName})")
                        .to("mock:filtered");

                from("direct:generate")
                        .to("veo:textToVideo?durationSeconds=8&aspectRatio=16:9")
                        .to("file:" + output.resolve("published"))
                        .to("mock:done");
                // end of documentation example

                // documentation example: extend
                from("direct:longer")
                        .to("veo:textToVideo?durationSeconds=8")
                        .setHeader("CamelVeoPrompt", constant("The camera keeps flying over the ridge"))
                        .to("veo:extend");
                // end of extend example
            }
        };
    }

    @Test
    void javaRouteStoresTheVideoWithTheFileComponent() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBody("direct:generate", "A paper boat drifting down a rainy street");

        done.assertIsSatisfied();
        Message m = done.getExchanges().get(0).getMessage();
        String name = m.getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(name).startsWith("models/" + VeoConfiguration.GEMINI_DEFAULT_MODEL + "/operations/");
        Path published = output.resolve("published").resolve(name.substring(name.lastIndexOf('/') + 1) + ".mp4");
        assertThat(published).exists();
        Mp4Info info = Mp4Probe.probe(published);
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(m.getHeader(VeoConstants.STATUS)).isEqualTo("succeeded");
        assertThat(m.getHeader(VeoConstants.SIZE)).isEqualTo("1280x720");
        assertThat(m.getHeader(VeoConstants.DURATION, Double.class)).isCloseTo(8.0, within(0.5));
        assertThat(m.getHeader(VeoConstants.COST_USD, BigDecimal.class)).isEqualByComparingTo("3.20");
        assertThat(m.getHeader(VeoConstants.VIDEO_URI, String.class)).startsWith(emulator.rootUrl());

        JsonNode parameters = onlyCreateBody().path("parameters");
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(8);
        assertThat(parameters.path("aspectRatio").asText()).isEqualTo("16:9");
        assertThat(getMockEndpoint("mock:filtered").getReceivedCounter()).isZero();
    }

    @Test
    void javaRouteHandlesSafetyFiltersWithOnException() throws Exception {
        List<String> reasons = List.of("The prompt describes a real person", "Audio could not be generated safely");
        emulator.faults().filterJobs(1, reasons);
        MockEndpoint filtered = getMockEndpoint("mock:filtered");
        filtered.expectedMessageCount(1);
        filtered.message(0).header(VeoConstants.OPERATION_NAME).startsWith("models/");
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(0);

        template.sendBody("direct:generate", "Something the safety filters remove");

        filtered.assertIsSatisfied();
        Exchange exchange = filtered.getExchanges().get(0);
        VideoContentPolicyException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                VideoContentPolicyException.class);
        assertThat(e).isNotNull();
        assertThat(e.getReasons()).isEqualTo(reasons);
        assertThat(e.getProviderCode()).isEqualTo("RAI_MEDIA_FILTERED");
        assertThat(e.getJobId()).isEqualTo(exchange.getMessage().getHeader(VeoConstants.OPERATION_NAME));
        assertThat(e.getMessage()).contains("safety filters removed the video (" + String.join("; ", reasons) + ")");
        done.assertIsSatisfied();
        assertThat(output.resolve("published")).doesNotExist();
    }

    @Test
    void yamlRouteGeneratesAPortraitVideo() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/veo-text-to-video.yaml"));
        MockEndpoint done = getMockEndpoint("mock:yaml-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:yaml-generate", "Northern lights over a frozen lake");

        done.assertIsSatisfied();
        Message m = done.getExchanges().get(0).getMessage();
        File file = m.getBody(File.class);
        Mp4Info info = Mp4Probe.probe(file.toPath());
        assertThat(info.durationSeconds()).isCloseTo(6.0, within(0.5));
        assertThat(info.size()).isEqualTo("720x1280");
        assertThat(m.getHeader(VeoConstants.SIZE)).isEqualTo("720x1280");
        assertThat(m.getHeader(VeoConstants.COST_USD, BigDecimal.class)).isEqualByComparingTo("2.40");
        JsonNode parameters = onlyCreateBody().path("parameters");
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(6);
        assertThat(parameters.path("aspectRatio").asText()).isEqualTo("9:16");
    }

    @Test
    void extendExampleContinuesTheFirstVideo() throws Exception {
        Exchange result = template.send("direct:longer",
                e -> e.getMessage().setBody("A drone flight along a mountain ridge at sunrise"));

        assertThat(result.getException()).isNull();
        Message m = result.getMessage();
        Mp4Info info = Mp4Probe.probe(m.getBody(File.class).toPath());
        assertThat(info.durationSeconds()).as("8 s plus one 7 s extension").isCloseTo(15.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(m.getHeader(VeoConstants.COST_USD, BigDecimal.class)).as("an extension is priced as 7 s")
                .isEqualByComparingTo("2.80");

        List<RecordedRequest> creates = emulator.requests("POST", CREATE);
        assertThat(creates).hasSize(2);
        JsonNode first = json(creates.get(0)).path("instances").get(0);
        JsonNode second = json(creates.get(1)).path("instances").get(0);
        assertThat(first.path("prompt").asText()).isEqualTo("A drone flight along a mountain ridge at sunrise");
        assertThat(second.path("prompt").asText()).isEqualTo("The camera keeps flying over the ridge");
        assertThat(second.path("video").path("uri").asText()).startsWith(emulator.rootUrl());
    }

    private static JsonNode onlyCreateBody() throws Exception {
        List<RecordedRequest> creates = emulator.requests("POST", CREATE);
        assertThat(creates).hasSize(1);
        return json(creates.get(0));
    }

    private static JsonNode json(RecordedRequest request) throws Exception {
        return new ObjectMapper().readTree(request.body());
    }

    @Test
    void yamlRouteWritesAStoryboardInline() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/veo-storyboard.yaml"));
        MockEndpoint done = getMockEndpoint("mock:yaml-storyboard-done");
        done.expectedMessageCount(1);

        template.sendBody("direct:yaml-storyboard", null);

        done.assertIsSatisfied();
        var message = done.getExchanges().get(0).getMessage();
        assertThat(Mp4Probe.probe(message.getBody(File.class).toPath()).durationSeconds()).isCloseTo(22.0,
                within(0.1));
        assertThat(message.getHeader(VeoConstants.STORYBOARD_MODE)).isEqualTo("extend");
        assertThat(message.getHeader(VeoConstants.SCENE_OPERATION_NAMES, java.util.List.class)).hasSize(3);
    }
}
