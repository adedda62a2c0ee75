package io.github.camelvideo.sora.springboot;

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
import io.github.camelvideo.sora.SoraComponent;
import io.github.camelvideo.sora.SoraConstants;

/**
 * A Spring Boot application configures the sora component through {@code camel.component.sora.*} alone: the
 * emulator accepts only the configured key, and the video lands in the configured directory.
 */
@SpringBootTest(classes = SoraStarterTest.App.class)
class SoraStarterTest {

    private static final String API_KEY = "sk-starter-0123456789abcdefghij";

    private static VideoEmulator emulator;
    private static Path output;

    @DynamicPropertySource
    static void soraProperties(DynamicPropertyRegistry registry) throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).apiKey(API_KEY).start();
        output = Files.createTempDirectory("sora-starter");
        registry.add("camel.component.sora.base-url", emulator::baseUrl);
        registry.add("camel.component.sora.api-key", () -> API_KEY);
        registry.add("camel.component.sora.output-directory", output::toString);
        registry.add("camel.component.sora.poll-initial-delay", () -> "50");
        registry.add("camel.component.sora.poll-max-interval", () -> "200");
        registry.add("camel.component.sora.timeout", () -> "30000");
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
        SoraComponent sora = camelContext.getComponent("sora", SoraComponent.class);

        assertThat(sora.getConfiguration().getBaseUrl()).isEqualTo(emulator.baseUrl());
        assertThat(sora.getConfiguration().getOutputDirectory()).isEqualTo(output.toString());
        assertThat(sora.getConfiguration().getPollInitialDelay()).isEqualTo(50);
        assertThat(sora.getConfiguration().getModel()).as("an unset property keeps the default").isEqualTo("sora-2");
    }

    @Test
    void aRouteGeneratesTheVideoIntoTheConfiguredDirectoryWithTheConfiguredKey() throws IOException {
        File video = template.requestBodyAndHeader("direct:generate", "A lighthouse at dusk",
                SoraConstants.SECONDS, 4, File.class);

        assertThat(video.toPath().getParent()).isEqualTo(output);
        Mp4Info info = Mp4Probe.probe(video.toPath());
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(emulator.requests("POST", "/v1/videos"))
                .singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY));
    }

    @SpringBootApplication
    static class App {

        @Bean
        RouteBuilder generateRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("sora:textToVideo?size=1280x720");
                }
            };
        }
    }
}
