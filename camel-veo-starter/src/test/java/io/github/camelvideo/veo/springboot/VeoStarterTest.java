package io.github.camelvideo.veo.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.VideoEmulator;
import io.github.camelvideo.veo.VeoComponent;
import io.github.camelvideo.veo.VeoConstants;

/**
 * A Spring Boot application configures the veo component (Gemini API) through {@code camel.component.veo.*}
 * alone: the emulator accepts only the configured key, and the video lands in the configured directory.
 */
@SpringBootTest(classes = VeoStarterTest.App.class)
class VeoStarterTest {

    private static final String API_KEY = "AIza-starter-0123456789abcdefghij";

    private static VideoEmulator emulator;
    private static Path output;

    @DynamicPropertySource
    static void veoProperties(DynamicPropertyRegistry registry) throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).apiKey(API_KEY).start();
        output = Files.createTempDirectory("veo-starter");
        registry.add("camel.component.veo.provider", () -> "gemini");
        registry.add("camel.component.veo.base-url", emulator::geminiBaseUrl);
        registry.add("camel.component.veo.api-key", () -> API_KEY);
        registry.add("camel.component.veo.output-directory", output::toString);
        registry.add("camel.component.veo.poll-initial-delay", () -> "50");
        registry.add("camel.component.veo.poll-max-interval", () -> "200");
        registry.add("camel.component.veo.timeout", () -> "30000");
    }

    @AfterAll
    static void stopEmulator() throws IOException {
        emulator.close();
        FileSystemUtils.deleteRecursively(output);
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void propertiesConfigureTheComponent() {
        VeoComponent veo = camelContext.getComponent("veo", VeoComponent.class);

        assertThat(veo.getConfiguration().getBaseUrl()).isEqualTo(emulator.geminiBaseUrl());
        assertThat(veo.getConfiguration().getOutputDirectory()).isEqualTo(output.toString());
        assertThat(veo.getConfiguration().getPollMaxInterval()).isEqualTo(200);
        assertThat(veo.getConfiguration().getLocation()).as("an unset property keeps the default")
                .isEqualTo("us-central1");
    }

    @Test
    void aRouteGeneratesTheVideoIntoTheConfiguredDirectoryWithTheConfiguredKey() throws IOException {
        File video = template.requestBodyAndHeader("direct:generate", "A lighthouse at dusk",
                VeoConstants.DURATION_SECONDS, 4, File.class);

        assertThat(video.toPath().getParent()).isEqualTo(output);
        Mp4Info info = Mp4Probe.probe(video.toPath());
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(emulator.requests("POST", "/v1beta/models/[^/]+:predictLongRunning"))
                .singleElement()
                .satisfies(request -> assertThat(request.header("x-goog-api-key")).isEqualTo(API_KEY));
    }

    @SpringBootApplication
    static class App {

        @Bean
        RouteBuilder generateRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("veo:textToVideo?aspectRatio=16:9");
                }
            };
        }
    }
}
