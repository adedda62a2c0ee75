package io.github.camelvideo.veo;

import java.io.File;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider failures on both surfaces become the typed exceptions, with the operation name when one exists. */
class VeoFailuresTest extends VeoTestSupport {

    @Test
    void aGeminiCreateDroppedAfterItWasReadStaysInDoubtTheApiCannotListOperations() {
        int jobsBefore = emulator.jobCount();
        emulator.faults().dropAfterRead("POST", "/v1beta/models/[^/]+:predictLongRunning", 1);

        Throwable e = failureOf(send("veo:textToVideo?durationSeconds=4", "A castle on a hill"));

        assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class).hasMessageContaining("may have accepted")
                .hasMessageNotContaining("recent jobs");
        assertThat(emulator.requests("POST", "/v1beta/models/[^/]+:predictLongRunning")).as("never re-sent")
                .hasSize(1);
        assertThat(emulator.jobCount()).as("the provider did create it").isEqualTo(jobsBefore + 1);
    }

    @Test
    void aFailedOperationIsAJobFailureNamingTheOperation() {
        for (String component : List.of("veo", "vertex")) {
            emulator.faults().failJobs(1, "13", "Video generation failed due to an internal error.");

            Exchange result = send(component + ":textToVideo?durationSeconds=4", "A castle on a hill");

            assertThat(failureOf(result)).as(component).isInstanceOf(VideoJobFailedException.class)
                    .hasMessageContaining("internal error")
                    .hasMessageContaining("[13]");
            String name = result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
            assertThat(name).as(component).contains("/operations/");
            assertThat(((VideoJobFailedException) failureOf(result)).getJobId()).isEqualTo(name);
        }
    }

    @Test
    void aFilteredResultIsAContentPolicyFailureWithTheReasons() {
        for (String component : List.of("veo", "vertex")) {
            String reason = "The video could not be generated because it may violate the usage guidelines.";
            emulator.faults().filterJobs(1, List.of(reason));

            Exchange result = send(component + ":textToVideo?durationSeconds=4", "Something the filter refuses");

            assertThat(failureOf(result)).as(component).isInstanceOf(VideoContentPolicyException.class);
            VideoContentPolicyException e = (VideoContentPolicyException) failureOf(result);
            assertThat(e.getReasons()).containsExactly(reason);
            assertThat(e.getJobId()).contains("/operations/");
            assertThat(outputFiles(component)).isEmpty();
        }
    }

    @Test
    void rateLimitsAreRetriedOnCreateAndReportedWhenTheyPersist() {
        emulator.faults().rateLimit("POST", "/v1beta/models/.*", 1, 0);
        assertThat(send("veo:textToVideo?durationSeconds=4", "A tram in the fog").getException()).isNull();

        emulator.faults().rateLimit("POST", "/v1beta/models/.*", 20, 0);
        Exchange limited = send("veo:textToVideo?durationSeconds=4", "A tram in the fog");
        assertThat(failureOf(limited)).isInstanceOf(VideoRateLimitedException.class)
                .hasMessageContaining("RESOURCE_EXHAUSTED");
    }

    @Test
    void badCredentialsAreAuthenticationFailuresOnBothSurfaces() {
        Exchange gemini = send("veo:textToVideo?apiKey=AIza-wrong-key", "A canoe on a lake");
        assertThat(failureOf(gemini)).isInstanceOf(VideoAuthenticationException.class)
                .hasMessageContaining("API_KEY_INVALID")
                .hasMessageNotContaining("AIza-wrong-key");

        Exchange vertex = send("vertex:textToVideo?accessToken=ya29.wrong-token", "A canoe on a lake");
        assertThat(failureOf(vertex)).isInstanceOf(VideoAuthenticationException.class)
                .hasMessageContaining("UNAUTHENTICATED")
                .hasMessageNotContaining("ya29.wrong-token");
    }

    @Test
    void anUnknownModelIsAnInvalidRequest() {
        Exchange result = send("veo:textToVideo?model=imagen-4.0-generate-001", "A canoe on a lake");
        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("NOT_FOUND");
    }

    @Test
    void anAcceptedCreateWhoseAnswerIsLostIsInDoubtNotResent() {
        emulator.faults().acceptThenDrop("POST", ".*:predictLongRunning", 1);

        Exchange result = send("vertex:textToVideo?durationSeconds=4", "A lighthouse keeper");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", ".*:predictLongRunning")).hasSize(1);
    }

    @Test
    void serverErrorsWhilePollingAreRiddenOut() throws Exception {
        emulator.faults().serverError("GET", "/v1beta/models/.*/operations/.*", 2);
        emulator.faults().serverError("POST", ".*:fetchPredictOperation", 2);

        for (String component : List.of("veo", "vertex")) {
            Exchange result = send(component + ":textToVideo?durationSeconds=4", "Fireflies in a jar");
            assertThat(result.getException()).as(component).isNull();
            assertThat(result.getMessage().getBody(File.class)).exists();
        }
    }

    @Test
    void aJobThatNeverFinishesTimesOutKeepingTheOperationName() {
        emulator.faults().neverFinishJobs(1);

        Exchange result = send("veo:textToVideo?durationSeconds=4&timeout=1500", "An hourglass");

        assertThat(failureOf(result)).isInstanceOf(VideoJobTimeoutException.class);
        String name = ((VideoJobTimeoutException) failureOf(result)).getJobId();
        assertThat(name).startsWith("models/").contains("/operations/");
        assertThat(result.getMessage().getHeader(VeoConstants.OPERATION_NAME)).isEqualTo(name);
    }

    private List<java.nio.file.Path> outputFiles(String component) {
        try {
            return outputFiles();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(component, e);
        }
    }
}
