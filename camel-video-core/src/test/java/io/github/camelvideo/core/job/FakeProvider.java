package io.github.camelvideo.core.job;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;

/** A scripted provider: each submit and poll takes the next scripted answer. */
final class FakeProvider implements VideoProvider<FakeProvider.Request> {

    record Request(String model, Integer seconds, String resolution) implements VideoJobRequest {
        @Override
        public String fingerprint() {
            return model + "/" + seconds + "/" + resolution;
        }
    }

    final Deque<Object> submitAnswers = new ArrayDeque<>();
    final Deque<Object> pollAnswers = new ArrayDeque<>();
    final AtomicInteger submits = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    /** The provider's recent jobs, as reconciliation finds them; null: the protocol cannot list jobs. */
    volatile List<JobStatus> recentJobs;
    volatile Instant reconciledSince;

    static JobStatus status(String id, JobState state, Integer progress, Duration pollAfter) {
        return new JobStatus(JobRef.of("fake", id), state, state.name().toLowerCase(), progress, "m", 4, "1x1", null,
                null, pollAfter, null);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public CompletionStage<JobStatus> submit(Request request) {
        submits.incrementAndGet();
        return answer(submitAnswers.poll());
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        polls.incrementAndGet();
        return answer(pollAnswers.poll());
    }

    @Override
    public boolean canReconcile() {
        return recentJobs != null;
    }

    @Override
    public CompletionStage<List<JobStatus>> reconcile(Request request, Instant since) {
        reconciledSince = since;
        return CompletableFuture.completedFuture(recentJobs == null ? List.of() : recentJobs);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        return new DownloadSource(URI.create("http://127.0.0.1:1/none"), null, false);
    }

    private static CompletionStage<JobStatus> answer(Object a) {
        if (a == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no scripted answer"));
        }
        if (a instanceof CompletionStage<?> pending) {
            @SuppressWarnings("unchecked")
            CompletionStage<JobStatus> scripted = (CompletionStage<JobStatus>) pending;
            return scripted; // an answer the test completes, or never does
        }
        if (a instanceof Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
        return CompletableFuture.completedFuture((JobStatus) a);
    }
}
