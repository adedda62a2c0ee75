package io.github.camelvideo.veo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.ops.MicrometerJobMetrics;

import static io.github.camelvideo.core.testing.OperationsProbe.console;
import static io.github.camelvideo.core.testing.OperationsProbe.map;
import static io.github.camelvideo.core.testing.OperationsProbe.message;
import static io.github.camelvideo.core.testing.OperationsProbe.readiness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operations view of veo: readiness of the Gemini API and Vertex AI connections, metrics, the console. */
class VeoMonitoringTest extends VeoTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(MicrometerJobMetrics.REGISTRY_NAME, meters);
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return context;
    }

    @Test
    void theGeminiCheckIsUpWithTheKeyAndDownWithTheReasonWithAWrongOne() {
        started("veo:getOperation");
        started("veo:getOperation?apiKey=AIza-wrong-key-0123456789");

        assertThat(message(readiness(context, "veo-gemini", HealthCheck.State.UP))).contains("accepted the credentials");
        assertThat(message(readiness(context, "veo-gemini-2", HealthCheck.State.DOWN))).contains("refused the credentials")
                .contains("API_KEY_INVALID").doesNotContain("AIza-wrong-key-0123456789");
        assertThat(emulator.requests("POST", ".*predictLongRunning")).as("never a paid call").isEmpty();
    }

    @Test
    void theVertexCheckIsUpWithTheTokenAndDownWithAWrongOne() {
        started("vertex:getOperation");
        started("vertex:getOperation?accessToken=ya29.wrong-token-0123456789");

        assertThat(message(readiness(context, "vertex-vertex", HealthCheck.State.UP))).contains("accepted the credentials");
        assertThat(message(readiness(context, "vertex-vertex-2", HealthCheck.State.DOWN))).contains("refused the credentials")
                .doesNotContain("ya29.wrong-token-0123456789");
    }

    @Test
    void theMetricsCountTheJobsAndTimeTheirWaits() {
        assertThat(send("veo:textToVideo?durationSeconds=4", "One").getException()).isNull();
        assertThat(send("veo:textToVideo?durationSeconds=4", "Two").getException()).isNull();

        assertThat(meters.get(MicrometerJobMetrics.SUBMITTED).tags("component", "veo", "provider", "gemini")
                .counter().count()).isEqualTo(2);
        assertThat(meters.get(MicrometerJobMetrics.SUCCEEDED).counter().count()).isEqualTo(2);
        assertThat(meters.get(MicrometerJobMetrics.WAIT).timer().count()).isEqualTo(2);
        assertThat(meters.get(MicrometerJobMetrics.DOWNLOAD).timer().count()).isEqualTo(2);
    }

    @Test
    void theConsoleShowsTheWaitingOperation() {
        CLOCK.pause(); // the operation stays running until the clock moves
        template.asyncSend("veo:textToVideo?durationSeconds=4&timeout=600000", e -> e.getMessage().setBody("Waits"));

        Map<String, Object> json = await().atMost(Duration.ofSeconds(20)).until(this::consoleJson,
                j -> !((List<?>) j.get("waiting")).isEmpty());

        Map<String, Object> waiting = map(((List<?>) json.get("waiting")).get(0));
        assertThat(waiting.get("id")).asString().contains("/operations/");
        assertThat(waiting).containsEntry("provider", "gemini").containsKeys("model", "state", "ageMillis");
        assertThat(meters.get(MicrometerJobMetrics.WAITING).gauge().value()).isEqualTo(1);
    }

    private void started(String uri) {
        ServiceHelper.startService(context.getEndpoint(uri));
    }

    private Map<String, Object> consoleJson() {
        return console(context, "veo");
    }
}
