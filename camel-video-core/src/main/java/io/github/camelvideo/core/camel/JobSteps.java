package io.github.camelvideo.core.camel;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.download.DownloadedFile;
import io.github.camelvideo.core.download.OutputDirectory;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoStoryboardException;
import io.github.camelvideo.core.job.JobOptions;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.ops.JobActivity;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoJobRequest;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.core.storyboard.SceneRequests;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.core.storyboard.StoryboardMode;
import io.github.camelvideo.core.storyboard.StoryboardOptions;
import io.github.camelvideo.core.validate.UncheckedRequests;

/**
 * The producer steps every video component shares: run a job, fetch a job's status, download a finished job, and
 * put the job id on a failed exchange. A step returns a stage of what to write into the message, so that
 * {@link #process} writes it on the worker pool.
 */
public final class JobSteps {

    private final VideoEndpointSupport endpoint;
    private final HeaderNames headers;
    private final OutcomeWriter writer;
    private final BiConsumer<Message, JobStatus> extraHeaders;

    public JobSteps(VideoEndpointSupport endpoint, HeaderNames headers) {
        this(endpoint, headers, (message, status) -> {
        });
    }

    /**
     * @param extraHeaders writes a component's own output headers of a job status, after the common ones
     */
    public JobSteps(VideoEndpointSupport endpoint, HeaderNames headers, BiConsumer<Message, JobStatus> extraHeaders) {
        this.endpoint = endpoint;
        this.headers = headers;
        this.writer = new OutcomeWriter(headers);
        this.extraHeaders = extraHeaders;
    }

    /** Runs a step under Camel's asynchronous producer contract. */
    public boolean process(Exchange exchange, AsyncCallback callback,
                           Supplier<CompletionStage<Consumer<Message>>> step) {
        return AsyncCompletion.process(exchange, callback, endpoint.engine().workerExecutor(), step,
                (ex, write) -> write.accept(ex.getMessage()), this::onFailure);
    }

    /**
     * Submits (or re-attaches to) a job, waits for it and downloads it, as the endpoint's options say.
     *
     * @param cost the estimate made before submission, or {@code null} when the length is not known yet
     */
    public <R extends VideoJobRequest> CompletionStage<Consumer<Message>> run(Exchange exchange,
                                                                            VideoProvider<R> provider, R request,
                                                                            CostEstimate cost) {
        VideoJobConfiguration c = endpoint.jobConfiguration();
        if (c.isDownload()) {
            OutputDirectory.check(c.outputPath());
        }
        String key = idempotencyKey(exchange, request.fingerprint());
        JobOptions options = new JobOptions(c.isWaitForCompletion(), c.isDownload(), c.outputPath(), null, "video",
                c.pollPolicy(), key).withSpendCap(c.spendCap())
                .withStoredHeaders(StoredHeaders.of(exchange.getMessage(), c.storedHeaderPatterns()));
        JobStore store = endpoint.getComponent().getJobStore();
        JobActivity.Job activity = endpoint.getComponent().activity().start(provider.name(), request.model());
        CompletionStage<JobOutcome> job = endpoint.engine().runner()
                .run(provider, request, options, endpoint.admission(), store, cost,
                        new ExchangeJobListener(exchange, headers.jobId()).andThen(activity));
        return explainRefusal(job, request)
                .whenComplete((outcome, error) -> activity.finished(outcome == null ? null : withFinalCost(outcome),
                        error))
                .thenApply(outcome -> message -> {
                    writer.write(message, withFinalCost(outcome));
                    extraHeaders.accept(message, outcome.status());
                    deleteAfterRoute(message, outcome.file());
                    if (c.isWaitForCompletion()) {
                        DeliveryConfirmation.register(message.getExchange(), endpoint.engine().runner(), store, key);
                    }
                });
    }

    /**
     * Makes one video of a storyboard's scenes, each scene a job recorded under a key derived from the exchange's
     * idempotency key, so a repeated attempt reuses the scenes that completed. The storyboard always waits and
     * downloads.
     */
    public <R extends VideoJobRequest> CompletionStage<Consumer<Message>> storyboard(Exchange exchange,
                                                                                   VideoProvider<R> provider,
                                                                                   SceneRequests<R> requests,
                                                                                   Storyboard storyboard) {
        VideoJobConfiguration c = endpoint.jobConfiguration();
        OutputDirectory.check(c.outputPath());
        String key = idempotencyKey(exchange, "storyboard-" + storyboard.fingerprint());
        StoryboardOptions options = new StoryboardOptions(c.outputPath(), c.pollPolicy(), key,
                endpoint.admission(), endpoint.getComponent().getJobStore(), c.spendCap());
        return endpoint.engine().storyboards()
                .run(provider, requests, storyboard, storyboardMode(exchange, c), options,
                        new ExchangeStoryboardListener(exchange, headers))
                .thenApply(outcome -> message -> {
                    writer.writeStoryboard(message, outcome);
                    deleteAfterRoute(message, outcome.file());
                });
    }

    private StoryboardMode storyboardMode(Exchange exchange, VideoJobConfiguration c) {
        String header = headers.storyboardMode() == null ? null
                : exchange.getMessage().getHeader(headers.storyboardMode(), String.class);
        if (header == null || header.isBlank()) {
            return c.getStoryboardMode();
        }
        for (StoryboardMode mode : StoryboardMode.values()) {
            if (mode.name().equalsIgnoreCase(header.trim())) {
                return mode;
            }
        }
        throw VideoRequestInvalidException.notAllowed("storyboardMode", header, "auto, extend, stitch");
    }

    /** Fetches a job's status once; the body becomes the provider's job object. */
    public CompletionStage<Consumer<Message>> status(VideoProvider<?> provider, JobRef ref) {
        return provider.poll(ref).thenApply(status -> message -> {
            endpoint.getComponent().activity().statusRead(provider.name(), status.model());
            provider.release(status);
            writer.writeStatus(message, status);
            extraHeaders.accept(message, status);
            message.setBody(status.body());
        });
    }

    /** Downloads a result of a finished job; the body becomes the file. */
    public CompletionStage<Consumer<Message>> download(VideoProvider<?> provider, JobRef ref, String variant) {
        VideoJobConfiguration c = endpoint.jobConfiguration();
        OutputDirectory.check(c.outputPath());
        JobOptions options = new JobOptions(true, true, c.outputPath(), null, variant, c.pollPolicy(), null);
        return endpoint.engine().runner().download(provider, ref, options)
                .thenApply(file -> message -> {
                    writer.writeFile(message, file);
                    deleteAfterRoute(message, file);
                });
    }

    private void deleteAfterRoute(Message message, DownloadedFile file) {
        if (file != null && endpoint.jobConfiguration().isDeleteAfterRoute()) {
            DeleteAfterRoute.register(message.getExchange(), file.path());
        }
    }

    /**
     * A request whose model no rules cover went out unchecked; when the server refuses it, the error says so. Requests
     * the rules checked get no extra step.
     */
    private CompletionStage<JobOutcome> explainRefusal(CompletionStage<JobOutcome> job, VideoJobRequest request) {
        if (!UncheckedRequests.isUnchecked(request, endpoint.getComponent().getModelRules())) {
            return job;
        }
        return job.handle((outcome, error) -> {
            if (error != null) {
                throw new CompletionException(UncheckedRequests.explain(Failures.unwrap(error), request));
            }
            return outcome;
        });
    }

    private String idempotencyKey(Exchange exchange, String fingerprint) {
        String key = exchange.getMessage().getHeader(headers.idempotencyKey(), String.class);
        // by default a redelivery of this step finds its job again; another job step of the same exchange does not
        return key != null ? key : exchange.getExchangeId() + "/" + fingerprint;
    }

    /** A job whose length was not known before the call (such as a remix) is priced from its final status. */
    private JobOutcome withFinalCost(JobOutcome outcome) {
        JobStatus s = outcome.status();
        if (outcome.cost() != null || s.model() == null || s.seconds() == null) {
            return outcome;
        }
        PriceTable prices = endpoint.priceTable();
        return new JobOutcome(s, outcome.file(), prices.estimate(s.model(), s.size(), s.seconds()).orElse(null));
    }

    private void onFailure(Exchange exchange, Throwable error) {
        if (error instanceof VideoException ve && ve.getJobId() != null) {
            exchange.getMessage().setHeader(headers.jobId(), ve.getJobId());
        }
        if (error instanceof VideoStoryboardException se && headers.sceneJobIds() != null) {
            exchange.getMessage().setHeader(headers.sceneJobIds(), se.getCompletedJobIds());
        }
    }
}
