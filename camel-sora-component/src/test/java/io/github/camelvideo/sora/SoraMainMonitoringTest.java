package io.github.camelvideo.sora;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under Camel Main with the properties of docs/operations.md, the sora connection is one of Camel's readiness checks
 * and the sora console is one of the developer consoles Main loads.
 */
class SoraMainMonitoringTest {

    private static final String API_KEY = "sk-main-0123456789abcdefghij";

    @TempDir
    Path work;

    private VideoEmulator emulator;
    private Main main;

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).apiKey(API_KEY).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        emulator.close();
    }

    @Test
    void mainShowsTheReadinessAndTheConsole() throws Exception {
        main = new Main();
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.addInitialProperty("camel.main.devConsoleEnabled", "true");
        main.addInitialProperty("camel.component.sora.baseUrl", emulator.baseUrl());
        main.addInitialProperty("camel.component.sora.apiKey", API_KEY);
        main.addInitialProperty("camel.component.sora.outputDirectory", work.toString());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sora:textToVideo");
            }
        });
        main.start();
        CamelContext context = main.getCamelContext();

        HealthCheck.Result sora = await().atMost(Duration.ofSeconds(20))
                .until(() -> HealthCheckHelper.invokeReadiness(context).stream()
                        .filter(r -> r.getCheck().getId().equals("sora-openai")).findFirst().orElse(null),
                        r -> r != null && r.getState() == HealthCheck.State.UP);
        assertThat(sora.getCheck().getGroup()).isEqualTo("sora");

        DevConsoleRegistry consoles = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        assertThat(consoles.stream().map(DevConsole::getId)).contains("sora");
        Map<?, ?> json = (Map<?, ?>) consoles.getConsole("sora").orElseThrow().call(DevConsole.MediaType.JSON);
        assertThat(json.get("started")).isEqualTo(true);
        assertThat((List<?>) json.get("waiting")).isEmpty();
    }
}
