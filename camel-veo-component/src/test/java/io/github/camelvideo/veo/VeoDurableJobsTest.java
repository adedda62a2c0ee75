package io.github.camelvideo.veo;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.JobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A redelivered exchange re-attaches to the Veo operation recorded under its idempotency key and never sends the
 * create request again.
 */
class VeoDurableJobsTest extends VeoTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(VideoException.class).maximumRedeliveries(2).redeliveryDelay(0);
                from("direct:gemini").to("veo:textToVideo");
            }
        };
    }

    @Test
    void aGeminiRedeliveryAfterAFailedDownloadReattachesAndPaysOnce() {
        emulator.faults().jsonFromContent(1);

        Exchange result = template.send("direct:gemini", e -> e.getMessage().setBody("A kite over the dunes"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(File.class)).exists();
        assertThat(emulator.requests("POST", ".*:predictLongRunning")).as("one paid operation").hasSize(1);
        assertThat(result.getIn().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(1);
    }

    @Test
    void aRedeliveryOfASubmissionInDoubtIsNeverSentAgain() {
        emulator.faults().acceptThenDrop("POST", ".*:predictLongRunning", 1);

        Exchange result = template.send("direct:gemini", e -> e.getMessage().setBody("A prompt"));

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", ".*:predictLongRunning")).hasSize(1);
    }

    @Test
    void theSameKeyTwiceDeliversTheSameVideoAndRecordsItDelivered() {
        Exchange first = send("veo:textToVideo", "Once only", VeoConstants.IDEMPOTENCY_KEY, "order-7");
        Exchange again = send("veo:textToVideo", "Once only", VeoConstants.IDEMPOTENCY_KEY, "order-7");

        assertThat(again.getMessage().getBody(File.class)).isEqualTo(first.getMessage().getBody(File.class));
        assertThat(emulator.requests("POST", ".*:predictLongRunning")).hasSize(1);
        JobStore store = context.getComponent("veo", VeoComponent.class).getJobStore();
        await().untilAsserted(() -> assertThat(store.find("order-7").orElseThrow().state())
                .isEqualTo(DurableState.DELIVERED));
    }
}
