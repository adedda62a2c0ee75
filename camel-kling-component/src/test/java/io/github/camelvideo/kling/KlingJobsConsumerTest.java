package io.github.camelvideo.kling;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.within;

/** {@code from("kling:jobs")} delivers the tasks submitted without waiting, with the headers kept for them. */
class KlingJobsConsumerTest extends KlingTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("kling", KlingComponent.class).setLeaseDuration(Duration.ofMillis(300).toMillis());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(VideoContentPolicyException.class).handled(true).to("mock:refused");
                from("direct:submit").to("kling:textToVideo?waitForCompletion=false&duration=3&storedHeaders=Order*");
                from("kling:jobs").to("mock:videos");
            }
        };
    }

    @Test
    void aTaskSubmittedWithoutWaitingIsDeliveredWithItsStoredHeaders() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        Exchange submitted = send("direct:submit", "A harbour at night", KlingConstants.IDEMPOTENCY_KEY, "order-1",
                "OrderId", 7, "Other", "not kept");

        videos.assertIsSatisfied(20_000);
        Exchange delivered = videos.getExchanges().get(0);
        File video = delivered.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(3.0, within(0.2));
        assertThat(delivered.getMessage().getHeaders()).containsEntry("OrderId", "7").doesNotContainKey("Other")
                .containsEntry(KlingConstants.REQUEST_ID, submitted.getMessage().getHeader(KlingConstants.REQUEST_ID))
                .containsEntry(KlingConstants.STATUS, "COMPLETED")
                .containsEntry(KlingConstants.ENDPOINT_ID, "fal-ai/kling-video/v3/standard/text-to-video");
        assertThat(delivered.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class)).contains("/fal-media/");
        awaitState("order-1", DurableState.DELIVERED);
        assertThat(emulator.requests("POST", "/fal/.*")).hasSize(1);
    }

    @Test
    void aRefusedTaskReachesTheRoutesErrorHandler() throws Exception {
        emulator.faults().filterJobs(1, java.util.List.of("sexual"));
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);

        send("direct:submit", "Something flagged", KlingConstants.IDEMPOTENCY_KEY, "order-2");

        refused.assertIsSatisfied(20_000);
        awaitState("order-2", DurableState.FAILED);
    }

    private void awaitState(String key, DurableState state) {
        await().until(() -> stateIn(output.resolve(JOB_STORE_FOLDER), key) == state);
    }

    private static DurableState stateIn(Path records, String key) throws java.io.IOException {
        try (FileJobStore store = new FileJobStore(records)) {
            return store.find(key).map(JobRecord::state).orElse(null);
        }
    }
}
