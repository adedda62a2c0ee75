package io.github.camelvideo.sora;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.FileJobStore;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.core.spi.JobRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code from("sora:jobs")} emits the jobs no waiting exchange collected: those submitted without waiting, those whose
 * waiting exchange gave up, and those an earlier run left behind; each delivered once it is final, with the headers
 * kept by {@code storedHeaders}, and recorded as delivered only after the route finished.
 */
class SoraJobsConsumerTest extends SoraTestSupport {

    private static final Duration LEASE = Duration.ofMillis(300);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("sora", SoraComponent.class).setLeaseDuration(LEASE.toMillis());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(VideoJobFailedException.class, VideoSubmissionInDoubtException.class).handled(true)
                        .to("mock:failed");
                from("direct:submit").to("sora:textToVideo?waitForCompletion=false&storedHeaders=Order*");
                from("direct:impatient").to("sora:textToVideo?timeout=100");
                from("sora:jobs").to("mock:videos");
            }
        };
    }

    @Test
    void aJobSubmittedWithoutWaitingIsDeliveredWithItsStoredHeaders() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        Exchange submitted = send("direct:submit", "A lighthouse at dusk", SoraConstants.IDEMPOTENCY_KEY, "order-1",
                "OrderId", 42, "OrderCustomer", "ACME", "Other", "not kept");

        videos.assertIsSatisfied(20_000);
        Exchange delivered = videos.getExchanges().get(0);
        File video = delivered.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isPositive();
        assertThat(delivered.getMessage().getHeaders()).containsEntry("OrderId", "42")
                .containsEntry("OrderCustomer", "ACME").doesNotContainKey("Other")
                .containsEntry(SoraConstants.IDEMPOTENCY_KEY, "order-1")
                .containsEntry(SoraConstants.VIDEO_ID, submitted.getMessage().getHeader(SoraConstants.VIDEO_ID))
                .containsEntry(SoraConstants.STATUS, "completed");
        awaitState("order-1", DurableState.DELIVERED);
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void aJobWhoseExchangeStoppedWaitingIsDeliveredOnceItsLeaseExpired() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        Exchange gaveUp = send("direct:impatient", "A slow sunrise", SoraConstants.IDEMPOTENCY_KEY, "order-2");

        assertThat(gaveUp.getException()).hasMessageContaining("did not finish within");
        videos.assertIsSatisfied(20_000);
        assertThat(videos.getExchanges().get(0).getMessage().getHeader(SoraConstants.IDEMPOTENCY_KEY))
                .isEqualTo("order-2");
        awaitState("order-2", DurableState.DELIVERED);
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void aFailedJobReachesTheRoutesErrorHandlerAndIsRecordedFailedAfterIt() throws Exception {
        emulator.faults().failJobs(1, "internal_error", "the render failed");
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);

        send("direct:submit", "A doomed render", SoraConstants.IDEMPOTENCY_KEY, "order-3");

        failed.assertIsSatisfied(20_000);
        Exchange report = failed.getExchanges().get(0);
        assertThat(report.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(VideoJobFailedException.class).hasMessageContaining("the render failed");
        assertThat(report.getMessage().getHeader(SoraConstants.IDEMPOTENCY_KEY)).isEqualTo("order-3");
        awaitState("order-3", DurableState.FAILED);
        getMockEndpoint("mock:videos").expectedMessageCount(0);
        getMockEndpoint("mock:videos").assertIsSatisfied();
    }

    @Test
    void aJobLeftByAnEarlierRunThatDiedIsResumedOnceItsLeaseExpired() throws Exception {
        Path records = Files.createTempDirectory("sora-earlier-run");
        String videoId = createdOnTheEmulator("A harbour at night");
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            // what a run killed while it waited leaves: the job submitted, leased to an owner that is gone
            JobRecord pending = earlierRun.createIfAbsent(JobRecord.pending("order-4", "openai", "sha256:4", null,
                    Map.of("OrderId", "4")).withLease("a-dead-run", Instant.now().plus(LEASE))).record();
            earlierRun.update(pending.submitted(JobRef.of("openai", videoId))).orElseThrow();
        }
        emulator.clearRequests();

        try (CamelContext later = contextOn(records)) {
            later.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("sora:jobs").to("mock:resumed");
                }
            });
            later.start();
            MockEndpoint resumed = later.getEndpoint("mock:resumed", MockEndpoint.class);
            resumed.expectedHeaderReceived(SoraConstants.IDEMPOTENCY_KEY, "order-4");
            resumed.expectedHeaderReceived("OrderId", "4");
            resumed.assertIsSatisfied(20_000);
            assertThat(resumed.getExchanges().get(0).getMessage().getBody(File.class)).exists();
            await().until(() -> stateIn(records, "order-4") == DurableState.DELIVERED);
        }
        assertThat(emulator.requests("POST", "/v1/videos")).isEmpty();
        assertThat(emulator.requests("GET", "/v1/videos/" + videoId + "/content")).hasSize(1);
    }

    @Test
    void aDownloadedJobWhoseRouteFailedIsDeliveredAgainAfterARestartWithoutDownloadingAgain() throws Exception {
        Path records = Files.createTempDirectory("sora-undelivered");
        Exchange made = madeOnTheEmulator("A result nobody stored");
        String videoId = made.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        Path file = Files.copy(made.getMessage().getBody(File.class).toPath(),
                records.resolveSibling(videoId + ".mp4"), StandardCopyOption.REPLACE_EXISTING);
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            JobRecord pending = earlierRun.createIfAbsent(JobRecord.pending("order-7", "openai", "sha256:7", null,
                    Map.of())).record();
            JobRecord submitted = earlierRun.update(pending.submitted(JobRef.of("openai", videoId))).orElseThrow();
            earlierRun.update(submitted.downloaded(file)).orElseThrow();
        }
        emulator.clearRequests();

        try (CamelContext later = contextOn(records)) {
            later.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("sora:jobs").to("mock:again");
                }
            });
            later.start();
            MockEndpoint again = later.getEndpoint("mock:again", MockEndpoint.class);
            again.expectedBodiesReceived(file.toFile());
            again.assertIsSatisfied(20_000);
            await().until(() -> stateIn(records, "order-7") == DurableState.DELIVERED);
        }
        assertThat(emulator.requests("GET", "/v1/videos/" + videoId + "/content")).isEmpty();
    }

    @Test
    void aPendingJobOfAnEarlierRunIsAdoptedFromTheProvidersList() throws Exception {
        Path records = Files.createTempDirectory("sora-pending");
        String videoId = createdOnTheEmulator("A crash between create and answer");
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            earlierRun.createIfAbsent(JobRecord.pending("order-5", "openai", "sha256:5", null, Map.of("OrderId", "5"))
                    .describing(null, Map.of("kind", "CREATE", "prompt", "A crash between create and answer")));
        }
        emulator.clearRequests();

        try (CamelContext later = contextOn(records)) {
            later.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("sora:jobs").to("mock:adopted");
                }
            });
            later.start();
            MockEndpoint adopted = later.getEndpoint("mock:adopted", MockEndpoint.class);
            adopted.expectedHeaderReceived(SoraConstants.VIDEO_ID, videoId);
            adopted.expectedHeaderReceived("OrderId", "5");
            adopted.assertIsSatisfied(20_000);
            await().until(() -> stateIn(records, "order-5") == DurableState.DELIVERED);
        }
        assertThat(emulator.requests("POST", "/v1/videos")).as("never sent again").isEmpty();
    }

    @Test
    void aPendingJobNobodyCanFindIsReportedInDoubtAndNeverSentAgain() throws Exception {
        Path records = Files.createTempDirectory("sora-in-doubt");
        try (FileJobStore earlierRun = new FileJobStore(records)) {
            earlierRun.createIfAbsent(JobRecord.pending("order-6", "openai", "sha256:6", null, Map.of())
                    .describing(null, Map.of("kind", "CREATE", "prompt", "A prompt the provider never saw")));
        }

        try (CamelContext later = contextOn(records)) {
            later.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(VideoSubmissionInDoubtException.class).handled(true).to("mock:inDoubt");
                    from("sora:jobs").to("mock:never");
                }
            });
            later.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:again").to("sora:textToVideo");
                }
            });
            later.start();
            MockEndpoint inDoubt = later.getEndpoint("mock:inDoubt", MockEndpoint.class);
            inDoubt.expectedHeaderReceived(SoraConstants.IDEMPOTENCY_KEY, "order-6");
            inDoubt.assertIsSatisfied(20_000);
            await().until(() -> stateIn(records, "order-6") == DurableState.IN_DOUBT);

            Exchange again = later.createProducerTemplate().request("direct:again", e -> {
                e.getMessage().setBody("A prompt the provider never saw");
                e.getMessage().setHeader(SoraConstants.IDEMPOTENCY_KEY, "order-6");
            });
            assertThat(again.getException()).isInstanceOf(VideoSubmissionInDoubtException.class);
        }
        assertThat(emulator.requests("POST", "/v1/videos")).isEmpty();
    }

    /** A context of its own on the given job store directory, like another run of the application. */
    private CamelContext contextOn(Path records) {
        DefaultCamelContext context = new DefaultCamelContext();
        SoraComponent sora = new SoraComponent();
        configure(sora.getConfiguration());
        sora.setJobStoreDirectory(records.toString());
        sora.setLeaseDuration(LEASE.toMillis());
        context.addComponent("sora", sora);
        return context;
    }

    /** A job created through the API directly, as a create request whose answer never got stored. */
    private String createdOnTheEmulator(String prompt) throws Exception {
        try (CamelContext direct = contextOn(Files.createTempDirectory("sora-direct"))) {
            direct.start();
            Exchange created = direct.createProducerTemplate().request("sora:textToVideo?waitForCompletion=false",
                    e -> e.getMessage().setBody(prompt));
            return created.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        }
    }

    /** A job made and downloaded through a context of its own. */
    private Exchange madeOnTheEmulator(String prompt) throws Exception {
        try (CamelContext direct = contextOn(Files.createTempDirectory("sora-direct"))) {
            direct.start();
            return direct.createProducerTemplate().request("sora:textToVideo", e -> e.getMessage().setBody(prompt));
        }
    }

    private void awaitState(String key, DurableState state) {
        await().until(() -> stateIn(output.resolve(JOB_STORE_FOLDER), key) == state);
    }

    private static DurableState stateIn(Path records, String key) throws java.io.IOException {
        try (FileJobStore store = new FileJobStore(records)) {
            return store.find(key).map(JobRecord::state).orElse(null);
        }
    }

    @SuppressWarnings("unused")
    private static List<String> keys(List<JobRecord> records) {
        return records.stream().map(JobRecord::key).toList();
    }
}
