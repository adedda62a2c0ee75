package io.github.camelvideo.kling.springboot;

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
import io.github.camelvideo.kling.KlingComponent;
import io.github.camelvideo.kling.KlingConstants;

/**
 * A Spring Boot application configures the kling component through {@code camel.component.kling.*} alone: the
 * emulator's fal queue accepts only the configured key, and the video lands in the configured directory.
 */
@SpringBootTest(classes = KlingStarterTest.App.class)
class KlingStarterTest {

    private static final String FAL_KEY = "fal-starter-0123456789abcdefghij";

    private static VideoEmulator emulator;
    private static Path output;

    @DynamicPropertySource
    static void klingProperties(DynamicPropertyRegistry registry) throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).falKey(FAL_KEY).start();
        output = Files.createTempDirectory("kling-starter");
        registry.add("camel.component.kling.base-url", emulator::falBaseUrl);
        registry.add("camel.component.kling.api-key", () -> FAL_KEY);
        registry.add("camel.component.kling.mode", () -> "std");
        registry.add("camel.component.kling.output-directory", output::toString);
        registry.add("camel.component.kling.poll-initial-delay", () -> "50");
        registry.add("camel.component.kling.poll-max-interval", () -> "200");
        registry.add("camel.component.kling.timeout", () -> "30000");
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
        KlingComponent kling = camelContext.getComponent("kling", KlingComponent.class);

        assertThat(kling.getConfiguration().getBaseUrl()).isEqualTo(emulator.falBaseUrl());
        assertThat(kling.getConfiguration().getMode()).isEqualTo("std");
        assertThat(kling.getConfiguration().getPollMaxInterval()).isEqualTo(200);
        assertThat(kling.getConfiguration().getModel()).as("an unset property keeps the default")
                .isEqualTo("kling-v3");
    }

    @Test
    void aRouteGeneratesTheVideoIntoTheConfiguredDirectoryWithTheConfiguredKey() throws IOException {
        File video = template.requestBodyAndHeader("direct:generate", "A lighthouse at dusk",
                KlingConstants.DURATION, "3", File.class);

        assertThat(video.toPath().getParent()).isEqualTo(output);
        Mp4Info info = Mp4Probe.probe(video.toPath());
        assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.2));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(emulator.requests("POST", "/fal/fal-ai/kling-video/v3/standard/text-to-video"))
                .singleElement()
                .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Key " + FAL_KEY));
    }

    @SpringBootApplication
    static class App {

        @Bean
        RouteBuilder generateRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("kling:textToVideo?aspectRatio=16:9");
                }
            };
        }
    }
}
