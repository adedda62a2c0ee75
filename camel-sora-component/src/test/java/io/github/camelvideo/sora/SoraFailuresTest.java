package io.github.camelvideo.sora;

import java.io.File;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoDownloadException;
import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Provider failures become typed exceptions that keep the video id; nothing half-done is left behind. */
class SoraFailuresTest extends SoraTestSupport {

    @Test
    void rateLimitedCreateIsSentAgainAfterRetryAfter() {
        emulator.faults().rateLimit("POST", "/v1/videos", 1, 1);
        int jobsBefore = emulator.jobCount();

        Exchange result = send("sora:textToVideo", "A prompt");

        assertThat(result.getException()).isNull();
        var posts = emulator.requests("POST", "/v1/videos");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).status()).isEqualTo(429);
        assertThat(posts.get(1).at()).isAfterOrEqualTo(posts.get(0).at().plusMillis(1000));
        assertThat(emulator.jobCount()).isEqualTo(jobsBefore + 1);
    }

    @Test
    void persistentRateLimitReachesTheRouteTyped() {
        emulator.faults().rateLimit("POST", "/v1/videos", 10, 0);
        Throwable e = failureOf(send("sora:textToVideo", "A prompt"));
        assertThat(e).isInstanceOf(VideoRateLimitedException.class).hasMessageContaining("429");
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(3);
    }

    @Test
    void serverErrorOnCreateIsInDoubtAndNotResent() {
        emulator.faults().serverError("POST", "/v1/videos", 1);
        Throwable e = failureOf(send("sora:textToVideo", "A prompt"));
        assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void acceptedButLostAnswerIsFoundAmongRecentJobsNeverAPaidDuplicate() {
        int jobsBefore = emulator.jobCount();
        emulator.faults().acceptThenFail("POST", "/v1/videos", 1);
        Exchange adopted = send("sora:textToVideo", "A prompt");
        assertThat(adopted.getException()).isNull();
        assertThat(adopted.getMessage().getBody(File.class)).exists();

        // when the recent jobs cannot be listed either, the outcome stays in doubt
        emulator.faults().acceptThenDrop("POST", "/v1/videos", 1).serverError("GET", "/v1/videos", 1);
        assertThat(failureOf(send("sora:textToVideo", "Another prompt"))).isInstanceOf(
                VideoSubmissionInDoubtException.class).hasMessageContaining("may have accepted")
                .hasMessageContaining("could not be listed");

        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(2);
        assertThat(emulator.jobCount()).as("both were accepted, neither was sent twice").isEqualTo(jobsBefore + 2);
    }

    @Test
    void serverErrorsWhilePollingAreRetried() {
        emulator.faults().serverError("GET", "/v1/videos/video_[0-9a-f]+", 2);
        Exchange result = send("sora:textToVideo", "A prompt");
        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("GET", "/v1/videos/video_[0-9a-f]+")).extracting(RecordedRequest::status)
                .startsWith(500, 500);
    }

    @Test
    void moderationFailureIsAContentPolicyErrorWithTheVideoId() {
        emulator.faults().failJobs(1, "moderation_blocked", "Your request was blocked by our moderation system.");
        Exchange result = send("sora:textToVideo", "Something not allowed");

        Throwable e = failureOf(result);
        assertThat(e).isInstanceOf(VideoContentPolicyException.class).hasMessageContaining("moderation_blocked");
        String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(id).startsWith("video_");
        assertThat(((VideoContentPolicyException) e).getJobId()).isEqualTo(id);
    }

    @Test
    void jobThatNeverFinishesTimesOutKeepingItsId() {
        emulator.faults().neverFinishJobs(1);
        Exchange result = send("sora:textToVideo?timeout=1000", "A prompt");

        assertThat(failureOf(result)).isInstanceOf(VideoJobTimeoutException.class);
        String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(((VideoJobTimeoutException) failureOf(result)).getJobId()).isEqualTo(id);
        assertThat(send("sora:getVideo", null, SoraConstants.VIDEO_ID, id).getMessage()
                .getHeader(SoraConstants.STATUS)).isEqualTo("in_progress");
    }

    @Test
    void connectionResetMidDownloadResumesWithRange() throws Exception {
        emulator.faults().resetDownload(2, 2000);
        Exchange result = send("sora:textToVideo?seconds=8", "A prompt");

        assertThat(result.getException()).isNull();
        File file = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(file.toPath()).durationSeconds()).isCloseTo(8.0, within(0.5));
        var downloads = emulator.requests("GET", "/v1/videos/.*/content");
        assertThat(downloads).hasSize(3);
        assertThat(downloads.get(1).header("Range")).isEqualTo("bytes=2000-");
        assertThat(downloads.get(2).header("Range")).isEqualTo("bytes=4000-");
        assertThat(outputFiles()).containsExactly(file.toPath());
    }

    @Test
    void jsonServedAsContentIsRejectedAndNothingIsLeftBehind() throws Exception {
        emulator.faults().jsonFromContent(1);
        Exchange result = send("sora:textToVideo", "A prompt");

        assertThat(failureOf(result)).isInstanceOf(VideoDownloadException.class)
                .hasMessageContaining("application/json");
        assertThat(result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class)).startsWith("video_");
        assertThat(outputFiles()).as("no .mp4 and no temporary file").isEmpty();
    }

    @Test
    void aRetryAfterPastTheDeadlineIsNotCutShortTheJobTimesOutWithItsId() {
        emulator.faults().rateLimit("GET", "/v1/videos/[^/]+", 1, 5);
        Exchange result = send("sora:textToVideo?timeout=2500", "A prompt");

        Throwable e = failureOf(result);
        assertThat(e).isInstanceOf(VideoJobTimeoutException.class);
        String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(((VideoJobTimeoutException) e).getJobId()).isNotNull().isEqualTo(id);
        // the 429 asked for 5 s, only 2.5 s were allowed in all: no status read went out after it
        assertThat(emulator.requests("GET", "/v1/videos/[^/]+")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void downloadOfAnUnfinishedVideoIsRefusedClearly() {
        emulator.faults().neverFinishJobs(1);
        String id = send("sora:textToVideo?waitForCompletion=false", "A prompt").getMessage()
                .getHeader(SoraConstants.VIDEO_ID, String.class);
        Throwable e = failureOf(send("sora:downloadVideo", null, SoraConstants.VIDEO_ID, id));
        assertThat(e).hasMessageContaining(id).hasMessageContaining("not completed");
        assertThat(emulator.requests("GET", "/v1/videos/.*/content")).isEmpty();
    }
}
