package io.github.camelvideo.core.job;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.RequestNotSentException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.error.VideoSubmissionInDoubtException;
import io.github.camelvideo.core.poll.ManualScheduler;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;

import static io.github.camelvideo.core.job.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;

class SubmissionPolicyTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final SubmissionPolicy policy = new SubmissionPolicy(clock, 3, Duration.ofMillis(500));
    private final FakeProvider provider = new FakeProvider();
    private final FakeProvider.Request request = new FakeProvider.Request("m", 4, "1x1");

    @Test
    void refusedConnectionIsSentAgain() {
        provider.submitAnswers.add(new ConnectException("refused"));
        provider.submitAnswers.add(status("j", JobState.QUEUED, 0, null));
        CompletableFuture<JobStatus> result = submit();
        clock.advance(Duration.ofMillis(500));
        assertThat(result).isCompletedWithValueMatching(s -> s.ref().id().equals("j"));
        assertThat(provider.submits).hasValue(2);
    }

    @Test
    void rateLimitedCreateWaitsForRetryAfterThenSendsAgain() {
        provider.submitAnswers.add(new VideoRateLimitedException("429", "fake", null, null, Duration.ofSeconds(3)));
        provider.submitAnswers.add(status("j", JobState.QUEUED, 0, null));
        CompletableFuture<JobStatus> result = submit();
        clock.advance(Duration.ofMillis(2999));
        assertThat(provider.submits).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(result).isCompleted();
    }

    @Test
    void longRetryAfterIsNotWaitedFor() {
        provider.submitAnswers.add(new VideoRateLimitedException("429", "fake", null, null, Duration.ofMinutes(10)));
        assertThat(failure(submit())).isInstanceOf(VideoRateLimitedException.class);
        assertThat(provider.submits).hasValue(1);
    }

    @Test
    void serverErrorAfterSendingIsInDoubtAndNeverResent() {
        provider.submitAnswers.add(new VideoServerException("500", "fake", null, null, 500, null));
        Throwable e = failure(submit());
        assertThat(e).isInstanceOf(VideoSubmissionInDoubtException.class).hasMessageContaining("not sent again");
        clock.advance(Duration.ofMinutes(1));
        assertThat(provider.submits).hasValue(1);
    }

    @Test
    void timeoutOrDroppedConnectionIsInDoubt() {
        provider.submitAnswers.add(new HttpTimeoutException("request timed out"));
        assertThat(failure(submit())).isInstanceOf(VideoSubmissionInDoubtException.class);
        provider.submitAnswers.add(new IOException("connection closed"));
        assertThat(failure(submit())).isInstanceOf(VideoSubmissionInDoubtException.class);
        assertThat(provider.submits).hasValue(2);
    }

    @Test
    void aConnectionClosedBeforeTheRequestWasWrittenIsSentAgainAtOnce() {
        provider.submitAnswers.add(new VideoServerException("no answer", "fake", null, null, 0,
                new RequestNotSentException(new ConnectionClosedException("closed"))));
        provider.submitAnswers.add(status("j", JobState.QUEUED, 0, null));
        CompletableFuture<JobStatus> result = submit();
        assertThat(result).isCompletedWithValueMatching(s -> s.ref().id().equals("j"));
        assertThat(provider.submits).hasValue(2);
    }

    @Test
    void aConnectionClosedAfterTheRequestWasWrittenIsInDoubt() {
        provider.submitAnswers.add(new VideoServerException("no answer", "fake", null, null, 0,
                new ConnectionClosedException("Connection closed by peer")));
        assertThat(failure(submit())).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageNotContaining("recent jobs");
        assertThat(provider.submits).hasValue(1);
    }

    @Test
    void anInDoubtCreateAdoptsTheOneMatchingRecentJob() {
        provider.recentJobs = List.of(status("made", JobState.QUEUED, 0, null));
        provider.submitAnswers.add(new HttpTimeoutException("request timed out"));
        assertThat(submit()).isCompletedWithValueMatching(s -> s.ref().id().equals("made"));
        assertThat(provider.submits).hasValue(1);
        assertThat(provider.reconciledSince).isEqualTo(clock.now().minus(SubmissionPolicy.RECONCILE_SLACK));
    }

    @Test
    void anInDoubtCreateWithNoMatchingJobStaysInDoubt() {
        provider.recentJobs = List.of();
        provider.submitAnswers.add(new IOException("connection closed"));
        assertThat(failure(submit())).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageContaining("none of its recent jobs matches");
        assertThat(provider.submits).hasValue(1);
    }

    @Test
    void severalMatchingJobsAreAmbiguousAndNamed() {
        provider.recentJobs = List.of(status("a", JobState.QUEUED, 0, null), status("b", JobState.RUNNING, 5, null));
        provider.submitAnswers.add(new IOException("connection closed"));
        assertThat(failure(submit())).isInstanceOf(VideoSubmissionInDoubtException.class)
                .hasMessageContaining("2 recent jobs match the request: a, b");
    }

    @Test
    void aJobAlreadyReturnedToAnotherSubmissionIsNotAdopted() {
        provider.submitAnswers.add(status("first", JobState.QUEUED, 0, null));
        assertThat(submit()).isCompleted();
        provider.recentJobs = List.of(status("first", JobState.QUEUED, 0, null), status("second", JobState.QUEUED, 0,
                null));
        provider.submitAnswers.add(new IOException("connection closed"));
        assertThat(submit()).isCompletedWithValueMatching(s -> s.ref().id().equals("second"));
    }

    @Test
    void rejectedRequestPassesThrough() {
        provider.submitAnswers.add(new VideoRequestInvalidException("bad size", "size"));
        assertThat(failure(submit())).isInstanceOf(VideoRequestInvalidException.class);
    }

    @Test
    void attemptsAreBounded() {
        for (int i = 0; i < 5; i++) {
            provider.submitAnswers.add(new ConnectException("refused"));
        }
        CompletableFuture<JobStatus> result = submit();
        clock.advance(Duration.ofSeconds(10));
        assertThat(failure(result)).isInstanceOf(VideoServerException.class).hasMessageContaining("Could not reach");
        assertThat(provider.submits).hasValue(3);
    }

    private CompletableFuture<JobStatus> submit() {
        return policy.submit(provider, request).toCompletableFuture();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return f.handle((v, e) -> Failures.unwrap(e)).join();
    }
}
