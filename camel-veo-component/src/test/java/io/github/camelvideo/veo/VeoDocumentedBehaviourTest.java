package io.github.camelvideo.veo;

import java.awt.Color;
import java.io.File;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoDownloadException;
import io.github.camelvideo.core.error.VideoJobFailedException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.veo.google.VeoJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * What docs/veo-component.md states about the providers, the operations and the errors, checked against the
 * emulator: Vertex AI results inline and in Cloud Storage, extension chains, operations fetched later, and which
 * exception each of Google's answers becomes.
 */
class VeoDocumentedBehaviourTest extends VeoTestSupport {

    private static final String PROMPT = "A kite over a windy beach";
    private static final String GEMINI_CREATE = "/v1beta/models/[^/]+:predictLongRunning";
    private static final String VERTEX_MODEL = "projects/" + PROJECT
                                               + "/locations/us-central1/publishers/google/models/"
                                               + VeoConfiguration.VERTEX_DEFAULT_MODEL + "/operations/";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:vertexLonger")
                        .to("vertex:textToVideo?durationSeconds=8")
                        .setHeader("CamelVeoPrompt", constant("The kite climbs into the clouds"))
                        .to("vertex:extend");
            }
        };
    }

    @Test
    void vertexDecodesAnInlineResultIntoTheFile() throws Exception {
        Exchange exchange = send("vertex:textToVideo?durationSeconds=4&aspectRatio=9:16", PROMPT);

        assertThat(exchange.getException()).isNull();
        Message m = exchange.getMessage();
        assertThat(m.getHeader(VeoConstants.OPERATION_NAME, String.class)).startsWith(VERTEX_MODEL);
        assertThat(m.getHeader(VeoConstants.VIDEO_URI)).as("an inline result has no URI").isNull();
        Mp4Info info = Mp4Probe.probe(m.getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(info.size()).isEqualTo("720x1280");
        String name = m.getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(m.getHeader(Exchange.FILE_NAME)).isEqualTo(name.substring(name.lastIndexOf('/') + 1) + ".mp4");
        assertThat(outputFiles()).as("no temporary file left behind").containsExactly(m.getBody(File.class).toPath());
    }

    @Test
    void vertexReadsAStorageUriResultFromCloudStorage() throws Exception {
        Exchange exchange = send("vertex:textToVideo?storageUri=gs://veo-out/run", PROMPT);

        assertThat(exchange.getException()).isNull();
        Message m = exchange.getMessage();
        assertThat(m.getHeader(VeoConstants.VIDEO_URI, String.class)).startsWith("gs://veo-out/run/");
        assertThat(Mp4Probe.probe(m.getBody(File.class).toPath()).durationSeconds()).isCloseTo(8.0, within(0.5));
        assertThat(emulator.requests("GET", "/storage/v1/b/veo-out/o/.+")).hasSize(1);
    }

    @Test
    void vertexExtendsTheFileBodyOfAnInlineResult() throws Exception {
        Exchange exchange = template.send("direct:vertexLonger", e -> e.getMessage().setBody(PROMPT));

        assertThat(exchange.getException()).isNull();
        Mp4Info info = Mp4Probe.probe(exchange.getMessage().getBody(File.class).toPath());
        assertThat(info.durationSeconds()).isCloseTo(15.0, within(0.5));
        assertThat(info.size()).isEqualTo("1280x720");
        assertThat(exchange.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("2.80");
    }

    @Test
    void anOperationStartedWithoutWaitingIsFetchedAndDownloadedLater() {
        CLOCK.pause(); // the operation stays running until the clock moves
        Exchange started = send("veo:textToVideo?waitForCompletion=false&durationSeconds=4", PROMPT);

        assertThat(started.getException()).isNull();
        assertThat(started.getMessage().getBody()).isInstanceOf(VeoJob.class);
        assertThat(started.getMessage().getHeader(VeoConstants.STATUS)).isEqualTo("running");
        assertThat(started.getMessage().getHeader(VeoConstants.COST_USD, BigDecimal.class))
                .isEqualByComparingTo("1.60");
        String name = started.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);

        Throwable early = failureOf(send("veo:downloadVideo", null, VeoConstants.OPERATION_NAME, name));
        assertThat(early).isInstanceOf(VideoRequestInvalidException.class).hasMessageContaining("'running'");

        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Exchange now = send("veo:getOperation", null, VeoConstants.OPERATION_NAME, name);
            return "succeeded".equals(now.getMessage().getHeader(VeoConstants.STATUS));
        });
        Exchange fetched = send("veo:getOperation", null, VeoConstants.OPERATION_NAME, name);
        VeoJob job = fetched.getMessage().getBody(VeoJob.class);
        assertThat(job.done()).isTrue();
        assertThat(fetched.getMessage().getHeader(VeoConstants.VIDEO_URI)).isEqualTo(job.videoUri());

        Exchange downloaded = send("veo:downloadVideo", null, VeoConstants.OPERATION_NAME, name);
        assertThat(downloaded.getException()).isNull();
        assertThat(downloaded.getMessage().getHeader(VeoConstants.DURATION, Double.class)).isCloseTo(4.0,
                within(0.5));
        assertThat(downloaded.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");
    }

    @Test
    void aWrongApiKeyIsAnAuthenticationFailureThatNeverShowsTheKey() {
        String wrong = "AIza-wrong-key-9876543210";
        Throwable failure = failureOf(send("veo:textToVideo?apiKey=" + wrong, PROMPT));

        assertThat(failure).isInstanceOf(VideoAuthenticationException.class);
        assertThat(((VideoAuthenticationException) failure).getProviderCode()).isEqualTo("API_KEY_INVALID");
        assertThat(failure.getMessage()).doesNotContain(wrong).doesNotContain(API_KEY);
    }

    @Test
    void aRateLimitThatPersistsIsRateLimitedAfterThreeAttempts() {
        emulator.faults().rateLimit("POST", GEMINI_CREATE, 3, 0);

        Throwable failure = failureOf(send("veo:textToVideo", PROMPT));

        assertThat(failure).isInstanceOf(VideoRateLimitedException.class);
        assertThat(((VideoRateLimitedException) failure).getProviderCode()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(emulator.requests("POST", GEMINI_CREATE)).hasSize(3);
    }

    @Test
    void aServerErrorAfterTheCreateWasSentIsInDoubtAndNotSentAgain() {
        emulator.faults().acceptThenFail("POST", GEMINI_CREATE, 1);

        Throwable failure = failureOf(send("veo:textToVideo", PROMPT));

        assertThat(failure).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", GEMINI_CREATE)).hasSize(1);
    }

    @Test
    void aServerErrorOnGetOperationIsAServerException() {
        Exchange started = send("veo:textToVideo?waitForCompletion=false", PROMPT);
        String name = started.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        emulator.faults().serverError("GET", "/v1beta/models/.+/operations/.+", 1);

        Throwable failure = failureOf(send("veo:getOperation", null, VeoConstants.OPERATION_NAME, name));

        assertThat(failure).isInstanceOf(VideoServerException.class);
        assertThat(((VideoServerException) failure).getStatus()).isEqualTo(500);
    }

    @Test
    void aFailedOperationIsAJobFailureRetryableUnlessInvalidArgument() {
        emulator.faults().failJobs(1, "13", "Internal error while generating");
        Exchange internal = send("veo:textToVideo?durationSeconds=4", PROMPT);
        Throwable failure = failureOf(internal);
        assertThat(failure).isInstanceOf(VideoJobFailedException.class);
        VideoJobFailedException e = (VideoJobFailedException) failure;
        assertThat(e.getProviderCode()).isEqualTo("13");
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getJobId()).isEqualTo(internal.getMessage().getHeader(VeoConstants.OPERATION_NAME));

        emulator.faults().failJobs(1, "3", "The prompt could not be used");
        VideoJobFailedException invalid = (VideoJobFailedException) failureOf(send("veo:textToVideo", PROMPT + "!"));
        assertThat(invalid.getProviderCode()).isEqualTo("3");
        assertThat(invalid.isRetryable()).isFalse();
    }

    @Test
    void aTimeoutKeepsTheOperationName() {
        emulator.faults().neverFinishJobs(1);

        Exchange exchange = send("veo:textToVideo?timeout=1000", PROMPT);

        Throwable failure = failureOf(exchange);
        assertThat(failure).isInstanceOf(VideoJobTimeoutException.class);
        String name = exchange.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(name).startsWith("models/");
        assertThat(((VideoJobTimeoutException) failure).getJobId()).isEqualTo(name);
    }

    @Test
    void aJsonDocumentServedAsTheVideoIsADownloadFailure() throws Exception {
        emulator.faults().jsonFromContent(1);

        Throwable failure = failureOf(send("veo:textToVideo?durationSeconds=4", PROMPT));

        assertThat(failure).isInstanceOf(VideoDownloadException.class);
        assertThat(outputFiles()).as("nothing saved as .mp4").isEmpty();
    }

    @Test
    void anUnknownModelIsLeftToGoogle() {
        Throwable failure = failureOf(send("veo:textToVideo?model=imagen-video-1&durationSeconds=5", PROMPT));

        assertThat(failure).as("not checked locally; the server refuses it")
                .isInstanceOf(VideoRequestInvalidException.class);
        assertThat(((VideoRequestInvalidException) failure).getProviderCode()).isEqualTo("NOT_FOUND");
        assertThat(emulator.requests("POST", GEMINI_CREATE)).hasSize(1);
    }

    @Test
    void vertexOnlyOptionsAreSentToVertex() {
        Exchange exchange = send("vertex:textToVideo?seed=42&generateAudio=true&durationSeconds=4", PROMPT);

        assertThat(exchange.getException()).isNull();
        String body = emulator.requests("POST", "/v1/projects/.+:predictLongRunning").get(0).bodyAsString();
        assertThat(body).contains("\"seed\":42").contains("\"generateAudio\":true");
        assertThat(body).doesNotContain(ACCESS_TOKEN);
    }
    @Test
    void vertexOperationsFetchedLaterLeaveNoTemporaryFiles() throws Exception {
        Exchange started = send("vertex:textToVideo?waitForCompletion=false&durationSeconds=4", PROMPT);
        String name = started.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(name).startsWith(VERTEX_MODEL);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Exchange now = send("vertex:getOperation", null, VeoConstants.OPERATION_NAME, name);
            return "succeeded".equals(now.getMessage().getHeader(VeoConstants.STATUS));
        });
        assertThat(outputFiles()).as("the inline video read by getOperation is not kept").isEmpty();

        Exchange downloaded = send("vertex:downloadVideo", null, VeoConstants.OPERATION_NAME, name);
        assertThat(downloaded.getException()).isNull();
        File file = downloaded.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(file.toPath()).durationSeconds()).isCloseTo(4.0, within(0.5));
        assertThat(outputFiles()).containsExactly(file.toPath());
    }

    @Test
    void vertexWithoutDownloadKeepsNoInlineVideo() throws Exception {
        Exchange exchange = send("vertex:textToVideo?download=false&durationSeconds=4", PROMPT);

        assertThat(exchange.getException()).isNull();
        VeoJob job = exchange.getMessage().getBody(VeoJob.class);
        assertThat(job.done()).isTrue();
        assertThat(job.videos()).hasSize(1).allMatch(VeoJob.Video::inline);
        assertThat(outputFiles()).isEmpty();
    }

    @Test
    void moreThanThreeReferenceImagesAreRefusedForEveryModelAndTheRestIsLeftToGoogle() throws Exception {
        byte[] png = VeoImages.png(Color.ORANGE);
        Exchange four = send("veo:imageToVideo?model=veo-9-preview", png, VeoConstants.REFERENCE_IMAGES,
                Collections.nCopies(4, png));
        assertThat(((VideoRequestInvalidException) failureOf(four)).getField()).isEqualTo("referenceImages");
        assertThat(emulator.requests("POST", GEMINI_CREATE)).as("refused before anything is sent").isEmpty();

        // three images at a length the rules of a known model would refuse: for an unknown model, Google decides
        Exchange three = send("veo:imageToVideo?model=veo-9-preview&durationSeconds=4", png,
                VeoConstants.REFERENCE_IMAGES, Collections.nCopies(3, png));
        assertThat(emulator.requests("POST", GEMINI_CREATE)).as("the request reaches Google, which decides")
                .hasSize(1);
        assertThat(((VideoRequestInvalidException) failureOf(three)).getProvider()).isEqualTo("gemini");
    }
}
