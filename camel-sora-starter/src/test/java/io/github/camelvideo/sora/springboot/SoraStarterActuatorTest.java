package io.github.camelvideo.sora.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.github.camelvideo.core.ops.MicrometerJobMetrics;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * With Spring Boot Actuator, the sora connection's readiness is part of Camel's health indicator, and the job metrics
 * go to the application's MeterRegistry.
 */
@SpringBootTest(classes = SoraStarterActuatorTest.App.class,
                properties = { "management.endpoint.health.show-details=always",
                               "camel.health.exposure-level=full" })
class SoraStarterActuatorTest {

    private static final String API_KEY = "sk-actuator-0123456789abcdefghij";

    private static VideoEmulator emulator;
    private static Path output;

    @DynamicPropertySource
    static void soraProperties(DynamicPropertyRegistry registry) throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).apiKey(API_KEY).start();
        output = Files.createTempDirectory("sora-actuator");
        registry.add("camel.component.sora.base-url", emulator::baseUrl);
        registry.add("camel.component.sora.api-key", () -> API_KEY);
        registry.add("camel.component.sora.output-directory", output::toString);
        registry.add("camel.component.sora.poll-initial-delay", () -> "50");
        registry.add("camel.component.sora.poll-max-interval", () -> "200");
    }

    @AfterAll
    static void stopEmulator() throws IOException {
        emulator.close();
        FileSystemUtils.deleteRecursively(output);
    }

    @Autowired
    HealthEndpoint health;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProducerTemplate template;

    @Test
    void theActuatorShowsTheConnectionsReadiness() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(details(health.health()))
                .anySatisfy(d -> assertThat(d).contains("sora-openai").contains("UP")));
    }

    @Test
    void theJobMetricsGoToTheApplicationsMeterRegistry() {
        template.requestBody("direct:generate", "A lighthouse at dusk");

        assertThat(meters.get(MicrometerJobMetrics.SUCCEEDED).tag("component", "sora").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(MicrometerJobMetrics.WAIT).timer().count()).isEqualTo(1);
    }

    /** The details of every health indicator, each as text. */
    private static List<String> details(HealthComponent component) {
        List<String> all = new ArrayList<>();
        if (component instanceof CompositeHealth composite) {
            for (Map.Entry<String, HealthComponent> e : composite.getComponents().entrySet()) {
                all.addAll(details(e.getValue()));
            }
        } else if (component instanceof Health h) {
            all.add(h.getDetails().toString());
        }
        return all;
    }

    @SpringBootApplication
    static class App {

        @Bean
        RouteBuilder generateRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("sora:textToVideo?seconds=4");
                }
            };
        }
    }
}
