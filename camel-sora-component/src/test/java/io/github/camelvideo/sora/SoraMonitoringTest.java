package io.github.camelvideo.sora;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.camel.ExchangeJobListener;
import io.github.camelvideo.core.camel.VideoJobProgressEvent;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.ops.MicrometerJobMetrics;
import io.github.camelvideo.emulator.VideoEmulator;

import static io.github.camelvideo.core.testing.OperationsProbe.console;
import static io.github.camelvideo.core.testing.OperationsProbe.map;
import static io.github.camelvideo.core.testing.OperationsProbe.message;
import static io.github.camelvideo.core.testing.OperationsProbe.readiness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations view of sora: readiness per provider connection, Micrometer metrics of the jobs, the developer
 * console and the progress a route can observe.
 */
class SoraMonitoringTest extends SoraTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<VideoJobProgressEvent> progress = new CopyOnWriteArrayList<>();

    /** An emulator that refuses every key but the tests' own, as the provider does. */
    @BeforeAll
    static void emulatorCheckingKeys() throws IOException {
        emulator.close();
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(400)).pollAfterMs(50).apiKey(API_KEY)
                .start();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind(MicrometerJobMetrics.REGISTRY_NAME, meters);
        // every check's result, not only the failing ones (camel.health.exposureLevel=full)
        HealthCheckRegistry.get(context).setExposureLevel("full");
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof VideoJobProgressEvent p) {
                    progress.add(p);
                }
            }
        });
        return context;
    }

    @Test
    void theHealthCheckIsUpWhenTheProviderAcceptsTheKey() {
        started("sora:listVideos");

        HealthCheck.Result result = readiness(context, "sora-openai", HealthCheck.State.UP);

        assertThat(message(result)).contains("accepted the credentials");
        assertThat(result.getDetails()).containsEntry("provider", "openai")
                .containsEntry("baseUrl", emulator.baseUrl());
        assertThat(emulator.requests("POST", "/v1/videos")).as("never a paid call").isEmpty();
    }

    @Test
    void theHealthCheckIsDownWithTheReasonWhenTheKeyIsRefused() {
        String wrongKey = "sk-wrong-key-0123456789";
        started("sora:listVideos?apiKey=" + wrongKey);

        HealthCheck.Result result = readiness(context, "sora-openai", HealthCheck.State.DOWN);

        assertThat(message(result)).contains("refused the credentials").contains("401")
                .doesNotContain(wrongKey);
    }

    @Test
    void theHealthCheckIsDownWhenTheProviderCannotBeReached() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
        started("sora:listVideos?baseUrl=" + closed);

        HealthCheck.Result result = readiness(context, "sora-openai", HealthCheck.State.DOWN);

        assertThat(message(result)).contains("cannot be reached").contains(closed);
    }

    @Test
    void endpointsOfOneConnectionShareOneCheck() {
        started("sora:listVideos");
        started("sora:getVideo");
        started("sora:listVideos?apiKey=sk-another-key");

        assertThat(HealthCheckHelper.invokeReadiness(context).stream().map(r -> r.getCheck().getId())
                .filter(id -> id.startsWith("sora-"))).containsExactlyInAnyOrder("sora-openai", "sora-openai-2");
    }

    @Test
    void theMetricsCountTheJobsAndTimeTheirWaits() {
        assertThat(send("sora:textToVideo?seconds=4", "One").getException()).isNull();
        assertThat(send("sora:textToVideo?seconds=4", "Two").getException()).isNull();
        emulator.faults().failJobs(1, "video_generation_failed", "The render failed");
        assertThat(failureOf(send("sora:textToVideo?seconds=4", "Three")))
                .isInstanceOf(VideoJobFailedException.class);

        assertThat(count(MicrometerJobMetrics.SUBMITTED)).isEqualTo(3);
        assertThat(count(MicrometerJobMetrics.SUCCEEDED)).isEqualTo(2);
        assertThat(meters.get(MicrometerJobMetrics.FAILED).tag("type", "VideoJobFailedException").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(MicrometerJobMetrics.WAIT).tags("component", "sora", "provider", "openai", "model",
                "sora-2").timer().count()).isEqualTo(3);
        assertThat(meters.get(MicrometerJobMetrics.DOWNLOAD).timer().count()).isEqualTo(2);
        assertThat(count(MicrometerJobMetrics.STATUS_READS)).isGreaterThanOrEqualTo(3);
        // sora-2 at 0.10 USD a second
        assertThat(meters.get(MicrometerJobMetrics.SPEND).counter().count()).isEqualTo(0.8, within());
        assertThat(meters.get(MicrometerJobMetrics.WAITING).gauge().value()).isZero();
    }

    @Test
    void theConsoleShowsTheWaitingJobTheLastFailureAndTheSpend() {
        emulator.faults().failJobs(1, "video_generation_failed", "The render failed");
        assertThat(failureOf(send("sora:textToVideo?seconds=4", "Fails"))).isInstanceOf(VideoJobFailedException.class);
        emulator.faults().neverFinishJobs(1);
        template.asyncSend("sora:textToVideo?seconds=4&timeout=600000", e -> e.getMessage().setBody("Waits"));

        Map<String, Object> json = await().atMost(Duration.ofSeconds(20)).until(this::consoleJson,
                j -> !((List<?>) j.get("waiting")).isEmpty());

        Map<String, Object> waiting = map( ((List<?>) json.get("waiting")).get(0));
        assertThat(waiting.get("id")).asString().isNotBlank();
        assertThat(waiting).containsEntry("provider", "openai").containsEntry("model", "sora-2")
                .containsKeys("state", "since", "ageMillis");
        Map<String, Object> failure = map(((List<?>) json.get("failures")).get(0));
        assertThat(failure).containsEntry("type", "VideoJobFailedException").containsEntry("provider", "openai");
        assertThat(map(json.get("spend"))).containsEntry("budgetPeriod", "PT24H").containsKey("estimatedUsd");
        String text = (String) context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("sora").call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Jobs waiting: 1").contains((String) waiting.get("id"))
                .contains("VideoJobFailedException");
    }

    @Test
    void theRouteSeesTheJobsProgressAsPropertiesAndEvents() {
        Exchange done = send("sora:textToVideo?seconds=4", "Progress");

        assertThat(done.getException()).isNull();
        assertThat(done.getProperty(ExchangeJobListener.STATUS_PROPERTY)).isEqualTo("completed");
        assertThat(done.getProperty(ExchangeJobListener.PROGRESS_PROPERTY)).isEqualTo(100);
        String id = done.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(progress).filteredOn(p -> p.getJobId().equals(id)).extracting(VideoJobProgressEvent::getStatus)
                .contains("completed");
        assertThat(progress.get(0).getExchange()).isNotNull();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private double count(String name) {
        return meters.get(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private void started(String uri) {
        Endpoint endpoint = context.getEndpoint(uri);
        ServiceHelper.startService(endpoint);
    }

    private Map<String, Object> consoleJson() {
        return console(context, "sora");
    }
}
