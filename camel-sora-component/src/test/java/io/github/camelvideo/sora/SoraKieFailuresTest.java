package io.github.camelvideo.sora;

import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.storyboard.Storyboard;

import static org.assertj.core.api.Assertions.assertThat;

/** Kie's code envelope and the checks made before anything is sent, as a sora: route on provider kie sees them. */
class SoraKieFailuresTest extends SoraTestSupport {

    private static final String CREATE = SoraKieTest.CREATE;
    private static final String RECORD = "/kie/api/v1/jobs/recordInfo";

    @Override
    void configure(SoraConfiguration c) {
        super.configure(c);
        c.setProvider(SoraProviders.KIE);
        c.setBaseUrl(emulator.kieBaseUrl());
        c.setApiKey(SoraKieTest.KIE_KEY);
    }

    @AfterEach
    void serveSoraAgain() {
        emulator.kieSoraPaused(false);
    }

    @Test
    void exhaustedCreditsAreABudgetRefusalNotRetried() {
        emulator.faults().refuse("POST", CREATE, 1, 402);

        Exchange result = send("sora:textToVideo", "Too expensive");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoBudgetExceededException.class,
                e -> assertThat(e.getMessage()).contains("402"));
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
        assertThat(emulator.requests("GET", RECORD)).isEmpty();
    }

    @Test
    void aContentModerationFailureIsAContentPolicyExceptionNotRetried() {
        emulator.faults().filterJobs(1, List.of("violence"));

        Exchange result = send("sora:textToVideo", "A fight scene");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
            assertThat(e.getMessage()).contains("content policy");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getJobId()).startsWith("task_sora-2-text-to-video_");
        });
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void a429OnCreateIsRetried() {
        emulator.faults().rateLimit("POST", CREATE, 1, 0);

        Exchange result = send("sora:textToVideo?download=false", "Patience");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", CREATE)).hasSize(2);
    }

    @Test
    void a500OnCreateLeavesTheTaskInDoubtAndItIsNotSentAgain() {
        emulator.faults().acceptThenFail("POST", CREATE, 1);

        Exchange result = send("sora:textToVideo", "In doubt");

        assertThat(failureOf(result)).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void serverErrorsOnRecordReadsAreRepeated() {
        emulator.faults().serverError("GET", RECORD, 2);

        Exchange result = send("sora:textToVideo?download=false", "Flaky reads");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", RECORD).stream().filter(r -> r.status() == 500)).hasSize(2);
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void aPausedModelIsARequestErrorSayingSoAndIsNotRetried() {
        emulator.kieSoraPaused(true);

        Exchange result = send("sora:textToVideo", "A paused fox");

        assertThat(failureOf(result)).isInstanceOfSatisfying(VideoRequestInvalidException.class, e -> {
            assertThat(e.getMessage()).contains("temporarily paused", "paused upstream");
            assertThat(e.isRetryable()).isFalse();
        });
        assertThat(emulator.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSentNamingFieldValueAndAllowed() {
        Exchange seconds = send("sora:textToVideo?seconds=8", "A lighthouse");
        Exchange size = send("sora:textToVideo?size=1920x1080", "A lighthouse");
        Exchange remix = send("sora:remix", "A lighthouse", SoraConstants.VIDEO_ID, "task_sora-2_1");
        Exchange link = send("sora:removeWatermark", "https://videos.example/a.mp4");
        Exchange scenes = send("sora:storyboard?model=sora-2-pro", Storyboard.builder().scene("A keeper", 4)
                .scene("A lamp", 8).build());

        assertThat(failureOf(seconds)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("seconds", "8", "10, 15"));
        assertThat(failureOf(size)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("size", "1920x1080", "sora-2", "1280x720, 720x1280"));
        assertThat(failureOf(remix)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("remix", "kie", "removeWatermark"));
        assertThat(failureOf(link)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("videoUrl", "videos.example", "sora.chatgpt.com"));
        assertThat(failureOf(scenes)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("4", "10, 15"));
        assertThat(emulator.requests("POST", CREATE)).isEmpty();
        assertThat(emulator.requests("POST", SoraKieTest.UPLOAD)).isEmpty();
    }

    @Test
    void whatKiesSoraDoesNotOfferIsRefusedBeforeAnythingIsSent() {
        Exchange extend = send("sora:storyboard?model=sora-2-pro&storyboardMode=extend", Storyboard.builder()
                .scene("A keeper", 10).scene("A lamp", 10).build());
        Exchange list = send("sora:listVideos", null);
        Exchange dataUrl = send("sora:imageToVideo", "A lamp", SoraConstants.IMAGE_URL,
                "data:image/png;base64,iVBORw0KGgo=");
        Exchange model = send("sora:textToVideo?model=veo-3.1", "A lamp");

        assertThat(failureOf(extend)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("extend");
        assertThat(failureOf(list)).hasMessageContaining("listVideos");
        assertThat(failureOf(dataUrl)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("imageUrl", "public http(s) URL"));
        assertThat(failureOf(model)).isInstanceOfSatisfying(VideoRequestInvalidException.class,
                e -> assertThat(e.getMessage()).contains("veo-3.1", "kie", "sora-2"));
        assertThat(emulator.requests("POST", CREATE)).isEmpty();
    }
}
