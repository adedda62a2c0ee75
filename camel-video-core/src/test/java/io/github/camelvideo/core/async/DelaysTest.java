package io.github.camelvideo.core.async;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoJobTimeoutException;
import io.github.camelvideo.core.poll.ManualScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline that bounds a download: it fires whatever the download does, and a late result is cleaned up. */
class DelaysTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> late = new ArrayList<>();

    @Test
    void aStageStillRunningAtTheDeadlineFailsWithTheTimeout() {
        CompletableFuture<String> download = new CompletableFuture<>();
        CompletableFuture<String> bounded = within(download, Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(bounded).isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThat(bounded.handle((v, e) -> Failures.unwrap(e)).join())
                .isInstanceOf(VideoJobTimeoutException.class);

        download.complete("file");
        assertThat(late).containsExactly("file");
    }

    @Test
    void aStageDoneInTimeKeepsItsResultAndCancelsTheTimer() {
        CompletableFuture<String> download = new CompletableFuture<>();
        CompletableFuture<String> bounded = within(download, Duration.ofSeconds(10));
        download.complete("file");

        assertThat(bounded).isCompletedWithValue("file");
        assertThat(clock.pending()).isZero();
        assertThat(late).isEmpty();
    }

    private CompletableFuture<String> within(CompletableFuture<String> stage, Duration left) {
        Instant deadline = clock.now().plus(left);
        return Delays.within(clock, deadline, stage,
                () -> new VideoJobTimeoutException("fake", "j", left, "succeeded, download unfinished"),
                late::add).toCompletableFuture();
    }
}
