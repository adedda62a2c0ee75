package io.github.camelvideo.sora;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoStoryboardException;

import static org.assertj.core.api.Assertions.assertThat;

/** maxSpendUsd refuses, before anything is sent, the job whose estimate would cross the limit of the period. */
class SoraSpendCapTest extends SoraTestSupport {

    @Test
    void theJobThatWouldCrossTheCapFailsBeforeSending() {
        // sora-2 at 0.10 USD a second: 4 s jobs are estimated at 0.40 USD each
        String uri = "sora:textToVideo?seconds=4&maxSpendUsd=1.00&budgetPeriod=P1D";
        assertThat(send(uri, "First").getException()).isNull();
        assertThat(send(uri, "Second").getException()).isNull();

        Exchange third = send(uri, "Third");

        assertThat(failureOf(third)).isInstanceOf(VideoBudgetExceededException.class)
                .hasMessageContaining("0.40 USD").hasMessageContaining("0.80 USD")
                .hasMessageContaining("maxSpendUsd 1.00 USD");
        assertThat(emulator.requests("POST", "/v1/videos")).as("nothing sent for the third").hasSize(2);
    }

    @Test
    void aRedeliveryOfAJobUnderTheCapIsNotCountedTwice() {
        String uri = "sora:textToVideo?seconds=4&maxSpendUsd=0.40";
        assertThat(send(uri, "Once", SoraConstants.IDEMPOTENCY_KEY, "order-cap").getException()).isNull();
        assertThat(send(uri, "Once", SoraConstants.IDEMPOTENCY_KEY, "order-cap").getException()).isNull();
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void eachSceneOfAStoryboardCountsAndTheSceneThatWouldCrossTheCapIsNotSent() {
        String scenes = "{\"scenes\": [{\"prompt\": \"One\", \"seconds\": 4}, {\"prompt\": \"Two\", \"seconds\": 4},"
                        + " {\"prompt\": \"Three\", \"seconds\": 4}]}";

        Exchange result = send("sora:storyboard?maxSpendUsd=1.00", scenes);

        assertThat(failureOf(result)).isInstanceOf(VideoStoryboardException.class)
                .hasMessageContaining("scene 3").hasRootCauseInstanceOf(VideoBudgetExceededException.class);
        assertThat(((VideoStoryboardException) failureOf(result)).getCompletedJobIds()).hasSize(2);
        assertThat(emulator.requests("POST", "/v1/videos.*")).as("two scenes sent, not the third").hasSize(2);
    }

    @Test
    void aBadBudgetPeriodStopsTheEndpoint() {
        VideoRequestInvalidException e = startFailure("sora:textToVideo?maxSpendUsd=5&budgetPeriod=1day");
        assertThat(e).hasMessageContaining("budgetPeriod").hasMessageContaining("1day").hasMessageContaining("P1D");
    }
}
