package io.github.camelvideo.veo;

import java.awt.Color;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kie's Veo API failures as the route sees them: each code its own typed exception, paid calls never repeated. */
class VeoKieFailuresTest extends VeoKieTestSupport {

    @Test
    void exhaustedCreditsAreABudgetRefusalNotRetried() {
        emulator.faults().refuse("POST", GENERATE, 1, 402);

        Exchange result = send("kieveo:textToVideo", "Too expensive");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoBudgetExceededException.class,
                e -> assertThat(e.getMessage()).contains("402").doesNotContain(KIE_KEY));
        assertThat(emulator.requests("POST", GENERATE)).hasSize(1);
        assertThat(emulator.requests("GET", RECORD)).isEmpty();
    }

    @Test
    void aContentPolicyRefusalOfTheCreateIsNotRetried() {
        emulator.faults().refuse("POST", GENERATE, 1, 400);

        Exchange result = send("kieveo:textToVideo", "Something forbidden");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getMessage()).contains("content policies");
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(emulator.requests("POST", GENERATE)).hasSize(1);
    }

    @Test
    void a429OnCreateIsRetried() {
        emulator.faults().rateLimit("POST", GENERATE, 1, 0);

        Exchange result = send("kieveo:textToVideo?download=false", "Patience");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", GENERATE)).hasSize(2);
    }

    @Test
    void a500AfterTheCreateWasSentLeavesItInDoubtAndItIsNotSentAgain() {
        emulator.faults().acceptThenFail("POST", GENERATE, 1);

        Exchange result = send("kieveo:textToVideo", "In doubt");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", GENERATE)).hasSize(1);
    }

    @Test
    void serverErrorsOnRecordReadsAreRepeatedBeforeAnythingElse() {
        emulator.faults().serverError("GET", RECORD, 2);

        Exchange result = send("kieveo:textToVideo?download=false", "Flaky reads");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", RECORD).stream().filter(r -> r.status() == 500)).hasSize(2);
        assertThat(emulator.requests("POST", GENERATE)).hasSize(1);
    }

    @Test
    void aTaskFlaggedByModerationIsAContentPolicyFailureWithItsTaskId() {
        emulator.faults().filterJobs(1, List.of("violence"));

        Exchange result = send("kieveo:textToVideo", "A fight scene");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getJobId()).startsWith("veo_task_");
            assertThat(e.getProviderCode()).isEqualTo("400");
        });
    }

    @Test
    void failedAndUpstreamFailedTasksAreJobFailures() {
        emulator.faults().failJobs(1, "500", "Internal Error");
        Exchange failed = send("kieveo:textToVideo", "A crash");
        emulator.faults().failJobs(1, "501", "Generation failed upstream");
        Exchange upstream = send("kieveo:textToVideo", "Another crash");

        assertThat(failureOf(failed)).isInstanceOfSatisfying(VideoJobFailedException.class, e -> {
            assertThat(e.getProviderCode()).isEqualTo("500");
            assertThat(e.getMessage()).contains("Internal Error");
        });
        assertThat(failureOf(upstream)).isInstanceOfSatisfying(VideoJobFailedException.class,
                e -> assertThat(e.getProviderCode()).isEqualTo("501"));
        assertThat(failureOf(upstream)).hasMessageContaining("Generation failed upstream");
    }

    @Test
    void referenceImagesAreRefusedWithTheQualityModel() {
        VeoComponent component = context.getComponent("kieveo", VeoComponent.class);
        VeoRequests requests = new VeoRequests(component.getConfiguration(), component.getModelRules());
        io.github.camelvideo.core.media.ImageInput image = io.github.camelvideo.core.media.ImageInput.of(
                VeoImages.png(Color.RED), "referenceImages[0]");

        assertThatThrownBy(() -> requests.checked(io.github.camelvideo.veo.request.VeoRequest.builder()
                .prompt("References").model("veo3").referenceImages(List.of(image)).build()))
                .isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining("veo3")
                .hasMessageContaining("REFERENCE_2_VIDEO").hasMessageContaining("veo3_fast or veo3_lite");
        assertThat(requests.checked(io.github.camelvideo.veo.request.VeoRequest.builder().prompt("References")
                .model("veo3_lite").referenceImages(List.of(image)).build())).isNotNull();
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        assertThat(failureOf(send("kieveo:textToVideo?aspectRatio=1:1", "Square")))
                .isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining("aspectRatio")
                .hasMessageContaining("1:1").hasMessageContaining("16:9, 9:16, Auto");
        assertThat(failureOf(send("kieveo:imageToVideo", VeoImages.png(Color.RED), VeoConstants.PROMPT, "Three",
                VeoConstants.LAST_FRAME, VeoImages.png(Color.BLUE), VeoConstants.REFERENCE_IMAGES,
                List.of(VeoImages.png(Color.GREEN))))).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("referenceImages");
        assertThat(failureOf(send("kieveo:textToVideo?durationSeconds=6", "Short")))
                .hasMessageContaining("durationSeconds").hasMessageContaining("6").hasMessageContaining("8");
        assertThat(failureOf(send("kieveo:textToVideo?negativePrompt=cars", "No cars")))
                .hasMessageContaining("negativePrompt");
        assertThat(failureOf(send("kieveo:textToVideo?seed=7", "Seeded"))).hasMessageContaining("seed")
                .hasMessageContaining("10000");
        assertThat(failureOf(send("kieveo:extend", "More"))).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining(VeoConstants.OPERATION_NAME);
        assertThat(emulator.requests("POST", GENERATE)).isEmpty();
        assertThat(emulator.requests("POST", EXTEND)).isEmpty();
        assertThat(emulator.requests("POST", UPLOAD)).isEmpty();
    }
}
