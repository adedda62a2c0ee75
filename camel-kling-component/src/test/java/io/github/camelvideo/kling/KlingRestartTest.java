package io.github.camelvideo.kling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.kling.fal.FalKlingProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A fal task an earlier run submitted and then died waiting for is resumed by the next run's jobs consumer from its
 * record alone: the record keeps the request id and fal's status and result URLs, so nothing is submitted again.
 */
class KlingRestartTest extends KlingTestSupport {

    private static final Duration LEASE = Duration.ofMillis(300);

    @Test
    void aTaskLeftByARunThatDiedIsFollowedFromItsRecordAndDelivered() throws Exception {
        send("kling:textToVideo?waitForCompletion=false&duration=3", "A harbour at night",
                KlingConstants.IDEMPOTENCY_KEY, "order-9");
        JobRef submitted;
        try (FileJobStore thisRun = new FileJobStore(output.resolve(JOB_STORE_FOLDER))) {
            submitted = thisRun.find("order-9").orElseThrow().ref();
        }
        assertThat(submitted.attributes()).containsKeys(FalQueue.STATUS_URL, FalQueue.RESPONSE_URL,
                FalQueue.CANCEL_URL, FalQueue.ENDPOINT_ID);

        Path records = Files.createTempDirectory("kling-earlier-run");
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            // what a run killed while it waited leaves: the task submitted, leased to an owner that is gone
            JobRecord pending = earlierRun.createIfAbsent(JobRecord.pending("order-9", FalKlingProvider.NAME, "sha256:9", null,
                    Map.of("OrderId", "9")).withLease("a-dead-run", Instant.now().plus(LEASE))).record();
            earlierRun.update(pending.submitted(submitted)).orElseThrow();
        }
        emulator.clearRequests();

        try (CamelContext later = contextOn(records)) {
            later.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kling:jobs").to("mock:resumed");
                }
            });
            later.start();
            MockEndpoint resumed = later.getEndpoint("mock:resumed", MockEndpoint.class);
            resumed.expectedHeaderReceived("OrderId", "9");
            resumed.expectedHeaderReceived(KlingConstants.REQUEST_ID, submitted.id());
            resumed.assertIsSatisfied(20_000);
            File video = resumed.getExchanges().get(0).getMessage().getBody(File.class);
            assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(3.0, within(0.2));
            await().until(() -> {
                try (FileJobStore store = new FileJobStore(records)) {
                    return store.find("order-9").map(JobRecord::state).orElse(null) == DurableState.DELIVERED;
                }
            });
        }
        assertThat(emulator.requests("POST", "/fal/.*")).isEmpty();
        assertThat(emulator.requests("GET", "/fal/fal-ai/kling-video/requests/" + submitted.id())).hasSize(1);
    }

    private CamelContext contextOn(Path records) {
        DefaultCamelContext context = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        configure(kling.getConfiguration());
        kling.setJobStoreDirectory(records.toString());
        kling.setLeaseDuration(LEASE.toMillis());
        context.addComponent("kling", kling);
        return context;
    }
}
