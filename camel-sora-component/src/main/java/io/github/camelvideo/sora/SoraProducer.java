package io.github.camelvideo.sora;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.camelvideo.core.camel.AsyncCompletion;
import io.github.camelvideo.core.camel.ExchangeJobListener;
import io.github.camelvideo.core.camel.HeaderNames;
import io.github.camelvideo.core.camel.OutcomeWriter;
import io.github.camelvideo.core.camel.VideoEngine;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.job.JobListener;
import io.github.camelvideo.core.job.JobOptions;
import io.github.camelvideo.core.job.JobOutcome;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.sora.openai.OpenAiVideoProvider;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * Runs one operation per exchange, asynchronously: {@code process} returns at once and the route continues on the
 * engine's worker pool when the job is done. Each operation is one short method.
 */
public class SoraProducer extends DefaultAsyncProducer {

    static final HeaderNames HEADERS = new HeaderNames(SoraConstants.VIDEO_ID, SoraConstants.STATUS,
            SoraConstants.PROGRESS, SoraConstants.MODEL, SoraConstants.SECONDS, SoraConstants.SIZE,
            SoraConstants.EXPIRES_AT, SoraConstants.COST_USD, SoraConstants.DURATION);
    private static final OutcomeWriter WRITER = new OutcomeWriter(HEADERS);
    private static final String DEFAULT_SECONDS = "4";
    private static final String DEFAULT_SIZE = "720x1280";

    private final SoraEndpoint endpoint;
    private SoraRequests requests;

    public SoraProducer(SoraEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requests = new SoraRequests(endpoint.getConfiguration(), endpoint.getComponent().getModelRules());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return AsyncCompletion.process(exchange, callback, engine().workerExecutor(), () -> start(exchange),
                (ex, write) -> write.accept(ex.getMessage()), SoraProducer::onFailure);
    }

    private CompletionStage<Consumer<Message>> start(Exchange exchange) {
        SoraOperation operation = operation(exchange);
        return switch (operation) {
            case textToVideo -> runJob(exchange, requests.textToVideo(exchange));
            case imageToVideo -> runJob(exchange, requests.imageToVideo(exchange));
            case remix -> runJob(exchange, requests.remix(exchange));
            case extend -> runJob(exchange, requests.extend(exchange));
            case getVideo -> getVideo(exchange);
            case listVideos -> listVideos(exchange);
            case deleteVideo -> deleteVideo(exchange);
            case downloadVideo -> downloadVideo(exchange);
        };
    }

    private SoraOperation operation(Exchange exchange) {
        String header = exchange.getMessage().getHeader(SoraConstants.OPERATION, String.class);
        return header != null ? SoraOperation.fromValue(header) : endpoint.getOperation();
    }

    private CompletionStage<Consumer<Message>> runJob(Exchange exchange, SoraRequest request) {
        CostEstimate cost = estimate(request);
        JobListener listener = new ExchangeJobListener(exchange, SoraConstants.VIDEO_ID);
        return engine().runner()
                .run(endpoint.provider(), request, jobOptions(exchange, request), endpoint.admission(),
                        endpoint.getComponent().getJobStore(), cost, listener)
                .thenApply(outcome -> message -> WRITER.write(message, withFinalCost(outcome)));
    }

    /** A remix's length is known only from the finished job: price it then. */
    private JobOutcome withFinalCost(JobOutcome outcome) {
        JobStatus s = outcome.status();
        if (outcome.cost() != null || s.model() == null || s.seconds() == null) {
            return outcome;
        }
        CostEstimate cost = endpoint.getComponent().getPriceTable().estimate(s.model(), s.size(), s.seconds())
                .orElse(null);
        return new JobOutcome(s, outcome.file(), cost);
    }

    private CompletionStage<Consumer<Message>> getVideo(Exchange exchange) {
        String id = SoraRequests.videoId(exchange.getMessage());
        return endpoint.provider().poll(JobRef.of(OpenAiVideoProvider.NAME, id))
                .thenApply(status -> message -> {
                    WRITER.writeStatus(message, status);
                    message.setBody(status.body());
                });
    }

    private CompletionStage<Consumer<Message>> listVideos(Exchange exchange) {
        SoraConfiguration c = endpoint.getConfiguration();
        return endpoint.provider().list(c.getAfter(), c.getLimit(), c.getOrder())
                .thenApply(page -> message -> message.setBody(page));
    }

    private CompletionStage<Consumer<Message>> deleteVideo(Exchange exchange) {
        String id = SoraRequests.videoId(exchange.getMessage());
        return endpoint.provider().delete(id).thenApply(deleted -> message -> message.setBody(deleted));
    }

    private CompletionStage<Consumer<Message>> downloadVideo(Exchange exchange) {
        String id = SoraRequests.videoId(exchange.getMessage());
        return engine().runner()
                .download(endpoint.provider(), JobRef.of(OpenAiVideoProvider.NAME, id), downloadOptions(exchange))
                .thenApply(file -> message -> WRITER.writeFile(message, file));
    }

    private JobOptions jobOptions(Exchange exchange, SoraRequest request) {
        SoraConfiguration c = endpoint.getConfiguration();
        String key = exchange.getMessage().getHeader(SoraConstants.IDEMPOTENCY_KEY, String.class);
        if (key == null) {
            // a redelivery of this step finds its job again; another job step of the same exchange does not
            key = exchange.getExchangeId() + "/" + request.fingerprint();
        }
        return new JobOptions(c.isWaitForCompletion(), c.isDownload(), endpoint.outputDirectory(), null, "video",
                endpoint.pollPolicy(), key);
    }

    private JobOptions downloadOptions(Exchange exchange) {
        SoraConfiguration c = endpoint.getConfiguration();
        String variant = exchange.getMessage().getHeader(SoraConstants.VARIANT, c.getVariant(), String.class);
        if (!"video".equals(variant) && !"thumbnail".equals(variant) && !"spritesheet".equals(variant)) {
            throw VideoRequestInvalidException.notAllowed("variant", variant, "video, thumbnail, spritesheet");
        }
        return new JobOptions(true, true, endpoint.outputDirectory(), null, variant, endpoint.pollPolicy(), null);
    }

    private CostEstimate estimate(SoraRequest request) {
        if (request.kind() == SoraRequest.Kind.REMIX) {
            return null; // the length follows the source video, which is not known before the call
        }
        String seconds = request.seconds() != null ? request.seconds().toString() : DEFAULT_SECONDS;
        String size = request.size() != null ? request.size() : DEFAULT_SIZE;
        return endpoint.getComponent().getPriceTable()
                .estimate(request.model(), size, Integer.valueOf(seconds)).orElse(null);
    }

    private static void onFailure(Exchange exchange, Throwable error) {
        if (error instanceof VideoException ve && ve.getJobId() != null) {
            exchange.getMessage().setHeader(SoraConstants.VIDEO_ID, ve.getJobId());
        }
    }

    private VideoEngine engine() {
        return endpoint.getComponent().engine();
    }
}
