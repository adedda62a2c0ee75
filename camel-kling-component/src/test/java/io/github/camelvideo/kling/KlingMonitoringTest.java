package io.github.camelvideo.kling;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.ops.MicrometerJobMetrics;
import io.github.camelvideo.kling.fal.FalKlingProvider;

import static io.github.camelvideo.core.testing.OperationsProbe.console;
import static io.github.camelvideo.core.testing.OperationsProbe.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operations view of kling: metrics tagged by component and provider, and the developer console. */
class KlingMonitoringTest extends KlingTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(MicrometerJobMetrics.REGISTRY_NAME, meters);
        return context;
    }

    @Test
    void theMetricsCountTheJobsByComponentAndProvider() {
        assertThat(send("kling:textToVideo?duration=3", "One").getException()).isNull();
        assertThat(send("kling:textToVideo?duration=3", "Two").getException()).isNull();

        assertThat(meters.get(MicrometerJobMetrics.SUBMITTED)
                .tags("component", "kling", "provider", FalKlingProvider.NAME).counter().count()).isEqualTo(2);
        assertThat(meters.get(MicrometerJobMetrics.SUCCEEDED).counter().count()).isEqualTo(2);
        assertThat(meters.get(MicrometerJobMetrics.DOWNLOAD).timer().count()).isEqualTo(2);
    }

    @Test
    void theConsoleShowsTheWaitingTaskAndTheLastFailure() {
        emulator.faults().failJobs(1, "generation_failed", "The render failed");
        assertThat(failureOf(send("kling:textToVideo?duration=3", "Fails")))
                .isInstanceOf(VideoJobFailedException.class);
        emulator.faults().neverFinishJobs(1);
        template.asyncSend("kling:textToVideo?duration=3&timeout=600000", e -> e.getMessage().setBody("Waits"));

        Map<String, Object> json = await().atMost(Duration.ofSeconds(20)).until(() -> console(context, "kling"),
                j -> !((List<?>) j.get("waiting")).isEmpty());

        Map<String, Object> waiting = map(((List<?>) json.get("waiting")).get(0));
        assertThat(waiting.get("id")).asString().isNotBlank();
        assertThat(waiting).containsEntry("provider", FalKlingProvider.NAME).containsKeys("model", "state");
        Map<String, Object> failure = map(((List<?>) json.get("failures")).get(0));
        assertThat(failure).containsEntry("type", "VideoJobFailedException");
        String text = (String) context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("kling").call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Jobs waiting: 1").contains((String) waiting.get("id"));
    }
}
