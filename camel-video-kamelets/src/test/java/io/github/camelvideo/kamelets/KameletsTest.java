package io.github.camelvideo.kamelets;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.testing.VideoRouteTestSupport;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.kling.KlingComponent;
import io.github.camelvideo.sora.SoraComponent;
import io.github.camelvideo.veo.VeoComponent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each Kamelet of the module, loaded from {@code classpath:kamelets} by camel-kamelet and the YAML DSL, runs in a
 * route binding against the emulator: a prompt or storyboard in, the MP4 written by {@code file:}. The Kamelets'
 * properties come from {@code camel.kamelet.<name>.*} properties and the binding's URI, as on Camel K; headers a
 * message brings cannot override them.
 */
class KameletsTest extends VideoRouteTestSupport {

    private static final String KEY = "sk-kamelet-0123456789abcdefghij";
    private static final ObjectMapper JSON = new ObjectMapper();

    static VideoEmulator emulator;

    @BeforeAll
    static void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).pollAfterMs(50).apiKey(KEY).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void clearRequests() {
        emulator.clearRequests();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        newOutputDirectory("kamelets-test");
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("camel.kamelet.sora-text-to-video-action.apiKey", KEY);
        properties.setProperty("camel.kamelet.sora-text-to-video-action.baseUrl", emulator.baseUrl());
        properties.setProperty("camel.kamelet.veo-text-to-video-action.apiKey", KEY);
        properties.setProperty("camel.kamelet.veo-text-to-video-action.baseUrl", emulator.geminiBaseUrl());
        properties.setProperty("camel.kamelet.kling-text-to-video-action.apiKey", KEY);
        properties.setProperty("camel.kamelet.kling-text-to-video-action.baseUrl", emulator.falBaseUrl());
        // no key for the storyboard Kamelet: the component's configuration provides it
        properties.setProperty("camel.kamelet.video-storyboard-action.baseUrl", emulator.baseUrl());
        context.getPropertiesComponent().setInitialProperties(properties);

        SoraComponent sora = context.getComponent("sora", SoraComponent.class);
        shortWaits(sora.getConfiguration());
        sora.getConfiguration().setApiKey(KEY);
        shortWaits(context.getComponent("veo", VeoComponent.class).getConfiguration());
        shortWaits(context.getComponent("kling", KlingComponent.class).getConfiguration());
        return context;
    }

    private void shortWaits(VideoJobConfiguration c) {
        c.setPollInitialDelay(50);
        c.setPollMaxInterval(200);
        c.setOutputDirectory(output.resolve("downloads").toString());
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sora")
                        .kamelet("sora-text-to-video-action?seconds=8&size=720x1280")
                        .to("file:" + output.resolve("videos"))
                        .to("mock:sora");
                from("direct:veo")
                        .kamelet("veo-text-to-video-action?durationSeconds=6&aspectRatio=9:16")
                        .to("file:" + output.resolve("videos"))
                        .to("mock:veo");
                from("direct:kling")
                        .kamelet("kling-text-to-video-action?duration=10&aspectRatio=9:16&mode=std")
                        .to("file:" + output.resolve("videos"))
                        .to("mock:kling");
                // the provider and its base URL given on the Kamelet's URI win over the properties above
                from("direct:veoKie")
                        .kamelet("veo-text-to-video-action?provider=kie&aspectRatio=16:9&baseUrl="
                                 + emulator.kieBaseUrl())
                        .to("file:" + output.resolve("videos"))
                        .to("mock:veoKie");
                from("direct:klingKie")
                        .kamelet("kling-text-to-video-action?provider=kie&duration=5&mode=std&baseUrl="
                                 + emulator.kieBaseUrl())
                        .to("file:" + output.resolve("videos"))
                        .to("mock:klingKie");
                from("direct:storyboard")
                        .kamelet("video-storyboard-action?storyboardMode=stitch")
                        .to("file:" + output.resolve("videos"))
                        .to("mock:storyboard");
            }
        };
    }

    @Test
    void soraKameletGeneratesTheVideoAndIgnoresHeadersThatWouldOverrideIt() throws Exception {
        Message out = run("sora", "A heron lifting off a misty pond",
                "CamelSoraSeconds", 12, "CamelSoraModel", "sora-2-pro", "CamelSoraSize", "1792x1024");

        Mp4Info info = Mp4Probe.probe(written(out));
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(info.size()).isEqualTo("720x1280");
        JsonNode create = body(emulator.requests("POST", "/v1/videos"));
        assertThat(create.path("model").asText()).isEqualTo("sora-2");
        assertThat(create.path("seconds").asText()).isEqualTo("8");
        assertThat(create.path("prompt").asText()).isEqualTo("A heron lifting off a misty pond");
    }

    @Test
    void veoKameletGeneratesTheVideoAndIgnoresHeadersThatWouldOverrideIt() throws Exception {
        Message out = run("veo", "Paper lanterns rising over a river",
                "CamelVeoDurationSeconds", 4, "CamelVeoAspectRatio", "16:9");

        Mp4Info info = Mp4Probe.probe(written(out));
        assertThat(info.durationSeconds()).isCloseTo(6.0, within(0.5));
        assertThat(info.height()).isGreaterThan(info.width());
        JsonNode create = body(emulator.requests("POST", "/v1beta/models/[^/]+:predictLongRunning"));
        assertThat(create.path("parameters").path("durationSeconds").asInt()).isEqualTo(6);
        assertThat(create.path("parameters").path("aspectRatio").asText()).isEqualTo("9:16");
    }

    @Test
    void klingKameletGeneratesTheVideoAndIgnoresHeadersThatWouldOverrideIt() throws Exception {
        Message out = run("kling", "A paper boat drifting down a rainy street",
                "CamelKlingDuration", "15", "CamelKlingAspectRatio", "1:1", "CamelKlingMode", "pro");

        Mp4Info info = Mp4Probe.probe(written(out));
        assertThat(info.durationSeconds()).isCloseTo(10.0, within(0.5));
        assertThat(info.height()).isGreaterThan(info.width());
        JsonNode create = body(emulator.requests("POST", "/fal/fal-ai/kling-video/v3/standard/text-to-video"));
        assertThat(create.path("duration").asText()).isEqualTo("10");
        assertThat(create.path("aspect_ratio").asText()).isEqualTo("9:16");
    }

    @Test
    void veoKameletReachesKiesVeoApiWithProviderKie() throws Exception {
        Message out = run("veoKie", "A kite over a windy beach", "CamelVeoAspectRatio", "9:16");

        Mp4Info info = Mp4Probe.probe(written(out));
        assertThat(info.durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        JsonNode create = body(emulator.requests("POST", "/kie/api/v1/veo/generate"));
        assertThat(create.path("model").asText()).isEqualTo("veo3_fast");
        assertThat(create.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(create.path("prompt").asText()).isEqualTo("A kite over a windy beach");
    }

    @Test
    void klingKameletReachesKiesMarketWithProviderKie() throws Exception {
        Message out = run("klingKie", "A lantern floating down a river", "CamelKlingDuration", "15");

        Mp4Info info = Mp4Probe.probe(written(out));
        assertThat(info.durationSeconds()).isCloseTo(5.0, within(0.5));
        JsonNode create = body(emulator.requests("POST", "/kie/api/v1/jobs/createTask"));
        assertThat(create.path("model").asText()).isEqualTo("kling-3.0/video");
        assertThat(create.path("input").path("duration").asText()).isEqualTo("5");
        assertThat(create.path("input").path("mode").asText()).isEqualTo("std");
    }

    @Test
    void storyboardKameletJoinsTheScenesIntoOneVideo() throws Exception {
        String storyboard = """
                {"style": "Soft pastel animation",
                 "scenes": [{"prompt": "A seed in dark soil", "seconds": 4},
                            {"prompt": "It sprouts towards the light", "seconds": 4}]}""";

        Message out = run("storyboard", storyboard, "CamelSoraStoryboardMode", "extend");

        assertThat(Mp4Probe.probe(written(out)).durationSeconds()).isCloseTo(8.0, within(0.2));
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(2);
        assertThat(emulator.requests("POST", "/v1/videos/extensions")).isEmpty();
    }

    /** Sends the body with headers through the binding and returns the message the sink received. */
    private Message run(String binding, String body, Object... headers) throws Exception {
        MockEndpoint done = getMockEndpoint("mock:" + binding);
        done.expectedMessageCount(1);
        send("direct:" + binding, body, headers);
        done.assertIsSatisfied();
        return done.getExchanges().get(0).getMessage();
    }

    /** The MP4 the file: sink wrote. */
    private Path written(Message message) {
        Path file = output.resolve("videos").resolve(message.getHeader("CamelFileName", String.class));
        assertThat(file).exists();
        assertThat(message.getBody()).isInstanceOf(File.class);
        return file;
    }

    private static JsonNode body(List<RecordedRequest> requests) throws IOException {
        assertThat(requests).hasSize(1);
        return JSON.readTree(requests.get(0).body());
    }
}
