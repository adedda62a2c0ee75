package io.github.camelvideo.veo;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.media.Mp4Probe;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code from("veo:jobs")} collects the Veo operations no exchange waited for, on the same engine as sora's. */
class VeoJobsConsumerTest extends VeoTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(VideoContentPolicyException.class).handled(true).to("mock:refused");
                from("direct:submit").to("veo:textToVideo?waitForCompletion=false&storedHeaders=Ticket");
                from("veo:jobs").to("mock:videos");
            }
        };
    }

    @Test
    void anOperationSubmittedWithoutWaitingIsDeliveredWithItsStoredHeader() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        Exchange submitted = send("direct:submit", "A kite over the dunes", VeoConstants.IDEMPOTENCY_KEY, "ticket-1",
                "Ticket", "T-1");

        videos.assertIsSatisfied(20_000);
        Exchange delivered = videos.getExchanges().get(0);
        assertThat(Mp4Probe.probe(delivered.getMessage().getBody(File.class).toPath()).durationSeconds()).isPositive();
        assertThat(delivered.getMessage().getHeaders()).containsEntry("Ticket", "T-1")
                .containsEntry(VeoConstants.IDEMPOTENCY_KEY, "ticket-1")
                .containsEntry(VeoConstants.OPERATION_NAME,
                        submitted.getMessage().getHeader(VeoConstants.OPERATION_NAME));
        assertThat(emulator.requests("POST", ".*:predictLongRunning")).hasSize(1);
    }

    @Test
    void aFilteredOperationReachesTheRoutesErrorHandler() throws Exception {
        emulator.faults().filterJobs(1, java.util.List.of("The prompt was blocked"));
        MockEndpoint refused = getMockEndpoint("mock:refused");
        refused.expectedMessageCount(1);

        send("direct:submit", "A prompt the filter blocks", VeoConstants.IDEMPOTENCY_KEY, "ticket-2");

        refused.assertIsSatisfied(20_000);
        assertThat(refused.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                .isInstanceOf(VideoContentPolicyException.class);
    }
}
