package io.github.camelvideo.sora;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoDownloadException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.core.testing.RecordingJobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job store is written before each side effect, and an exchange that comes back under the same idempotency key
 * (a Camel redelivery, a repeated message) re-attaches to its job in every state instead of paying again.
 */
class SoraDurableJobsTest extends SoraTestSupport {

    private RecordingJobStore store;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        store = new RecordingJobStore(() -> emulator.requests("POST", "/v1/videos").size());
        context.getComponent("sora", SoraComponent.class).setJobStore(store);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(VideoException.class).maximumRedeliveries(2).redeliveryDelay(0);
                from("direct:redelivered").to("sora:textToVideo");
                from("direct:thenFails").to("sora:textToVideo").throwException(new IllegalStateException("upload failed"));
            }
        };
    }

    @Test
    void eachStateIsStoredBeforeTheStepThatFollowsItAndDeliveredAfterTheRoute() {
        Exchange result = send("sora:textToVideo", "A lighthouse at dusk", SoraConstants.IDEMPOTENCY_KEY, "order-1");

        assertThat(result.getException()).isNull();
        await().untilAsserted(() -> assertThat(store.states()).containsExactly(DurableState.PENDING, DurableState.SUBMITTED,
                DurableState.DOWNLOADED, DurableState.DELIVERED));
        assertThat(store.writes().get(0).observed()).as("no create request before PENDING was stored").isEqualTo(0);
        assertThat(store.writes().get(1).observed()).isEqualTo(1);
        assertThat(store.writes()).allSatisfy(w -> assertThat(w.thread()).contains("SoraWorker"));
        JobRecord record = store.find("order-1").orElseThrow();
        assertThat(record.provider()).isEqualTo("openai");
        assertThat(record.ref().id()).isEqualTo(result.getMessage().getHeader(SoraConstants.VIDEO_ID));
        assertThat(record.requestDigest()).isNotBlank();
        assertThat(record.costEstimateUsd()).isNotNull();
        assertThat(record.outputFile()).isEqualTo(result.getMessage().getBody(File.class).toPath());
    }

    @Test
    void aRouteThatFailsAfterTheDownloadLeavesTheJobDownloadedNotDelivered() {
        Exchange result = send("direct:thenFails", "A lighthouse at dusk", SoraConstants.IDEMPOTENCY_KEY, "order-2");

        assertThat(failureOf(result)).hasMessage("upload failed");
        JobRecord record = store.find("order-2").orElseThrow();
        assertThat(record.state()).isEqualTo(DurableState.DOWNLOADED);
        assertThat(record.outputFile()).exists();
    }

    @Test
    void aRedeliveryAfterAFailedDownloadReattachesAndPaysOnce() {
        emulator.faults().jsonFromContent(1);

        Exchange result = template.send("direct:redelivered", e -> e.getMessage().setBody("A kite over the dunes"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(File.class)).exists();
        assertThat(emulator.requests("POST", "/v1/videos")).as("one paid job").hasSize(1);
        assertThat(emulator.requests("GET", "/v1/videos/.*/content")).hasSize(2);
        assertThat(result.getIn().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
    }

    @Test
    void aRedeliveryOfAFailedJobGetsTheSameFailureWithoutANewJob() {
        emulator.faults().failJobs(1, "moderation_blocked", "Your request was blocked by our moderation system.");

        Exchange result = template.send("direct:redelivered", e -> e.getMessage().setBody("Something not allowed"));

        assertThat(failureOf(result)).isInstanceOf(VideoContentPolicyException.class);
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(store.states()).endsWith(DurableState.FAILED);
    }

    @Test
    void aRedeliveryOfASubmissionInDoubtFailsInDoubtAndIsNeverSentAgain() {
        emulator.faults().acceptThenFail("POST", "/v1/videos", 1);

        Exchange result = template.send("direct:redelivered", e -> e.getMessage().setBody("A prompt"));

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageContaining("IN_DOUBT");
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(store.states()).containsExactly(DurableState.PENDING, DurableState.IN_DOUBT);
    }

    @Test
    void aRefusedCreateLeavesNoRecordSoALaterAttemptSubmits() {
        emulator.faults().rateLimit("POST", "/v1/videos", 3, 0);
        Exchange refused = send("sora:textToVideo", "A prompt", SoraConstants.IDEMPOTENCY_KEY, "order-3");
        assertThat(failureOf(refused)).isInstanceOf(VideoException.class);
        assertThat(store.find("order-3")).isEmpty();

        Exchange later = send("sora:textToVideo", "A prompt", SoraConstants.IDEMPOTENCY_KEY, "order-3");
        assertThat(later.getException()).isNull();
        await().untilAsserted(() -> assertThat(store.find("order-3").orElseThrow().state())
                .isEqualTo(DurableState.DELIVERED));
    }

    @Test
    void aDeliveredJobWhoseFileIsGoneIsDownloadedAgainNotPaidAgain() throws Exception {
        Exchange first = send("sora:textToVideo", "Once only", SoraConstants.IDEMPOTENCY_KEY, "order-4");
        File file = first.getMessage().getBody(File.class);
        await().untilAsserted(() -> assertThat(store.find("order-4").orElseThrow().state())
                .isEqualTo(DurableState.DELIVERED));
        assertThat(file.delete()).isTrue();

        Exchange again = send("sora:textToVideo", "Once only", SoraConstants.IDEMPOTENCY_KEY, "order-4");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(File.class)).exists();
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(emulator.requests("GET", "/v1/videos/.*/content")).hasSize(2);
    }

    @Test
    void aDeliveredJobWhoseFileIsKeptIsDeliveredWithoutADownload() {
        Exchange first = send("sora:textToVideo", "Once only", SoraConstants.IDEMPOTENCY_KEY, "order-5");
        Exchange again = send("sora:textToVideo", "Once only", SoraConstants.IDEMPOTENCY_KEY, "order-5");

        assertThat(again.getMessage().getBody(File.class)).isEqualTo(first.getMessage().getBody(File.class));
        assertThat(again.getMessage().getHeader(SoraConstants.VIDEO_ID))
                .isEqualTo(first.getMessage().getHeader(SoraConstants.VIDEO_ID));
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(emulator.requests("GET", "/v1/videos/.*/content")).hasSize(1);
    }
}
