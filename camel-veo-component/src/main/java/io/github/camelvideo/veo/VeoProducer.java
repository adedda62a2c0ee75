package io.github.camelvideo.veo;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.camelvideo.core.camel.HeaderNames;
import io.github.camelvideo.core.camel.JobSteps;
import io.github.camelvideo.core.camel.MessageInputs;
import io.github.camelvideo.core.camel.Operations;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.StoryboardReader;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Runs one operation per exchange, asynchronously: {@code process} returns at once and the route continues on the
 * engine's worker pool when the operation is done. Each operation is one short method.
 */
public class VeoProducer extends DefaultAsyncProducer {

    /** Veo reports neither progress nor expiry, and the requested length is an input only. */
    static final HeaderNames HEADERS = new HeaderNames(VeoConstants.OPERATION_NAME, VeoConstants.STATUS, null,
            VeoConstants.MODEL, null, VeoConstants.SIZE, null, VeoConstants.COST_USD, VeoConstants.DURATION,
            VeoConstants.IDEMPOTENCY_KEY, VeoConstants.SCENE_OPERATION_NAMES, VeoConstants.STORYBOARD_MODE);

    private final VeoEndpoint endpoint;
    private final JobSteps steps;
    private VeoRequests requests;

    public VeoProducer(VeoEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.steps = new JobSteps(endpoint, HEADERS, VeoProducer::writeVideoUri);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requests = new VeoRequests(endpoint.getConfiguration(), endpoint.getComponent().getModelRules());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return steps.process(exchange, callback, () -> start(exchange));
    }

    private CompletionStage<Consumer<Message>> start(Exchange exchange) {
        Message in = exchange.getMessage();
        return switch (operation(in)) {
            case textToVideo -> runJob(exchange, requests.textToVideo(in));
            case imageToVideo -> runJob(exchange, requests.imageToVideo(in));
            case extend -> runJob(exchange, requests.extend(in));
            case storyboard -> steps.storyboard(exchange, endpoint.provider(),
                    requests.scenes(in, endpoint.priceTable()), StoryboardReader.read(in));
            case getOperation -> steps.status(endpoint.provider(), operationRef(in));
            case downloadVideo -> steps.download(endpoint.provider(), operationRef(in), "video");
            case jobs -> throw VideoRequestInvalidException.notAllowed(VeoConstants.OPERATION, "jobs",
                    "a producer operation; jobs is consumed with from(\"veo:jobs\")");
        };
    }

    private VeoOperation operation(Message in) {
        String header = in.getHeader(VeoConstants.OPERATION, String.class);
        return header != null ? Operations.fromHeader(VeoOperation.class, VeoConstants.OPERATION, header)
                : endpoint.getOperation();
    }

    private CompletionStage<Consumer<Message>> runJob(Exchange exchange, VeoRequest request) {
        CostEstimate cost = endpoint.priceTable()
                .estimate(request.model(), request.resolution(), request.seconds()).orElse(null);
        return steps.run(exchange, endpoint.provider(), request, cost);
    }

    private JobRef operationRef(Message in) {
        String name = MessageInputs.required(in, VeoConstants.OPERATION_NAME, null, "operationName", null);
        return JobRef.of(endpoint.provider().name(), name);
    }

    /** The result's URI, so an extend step can follow. */
    static void writeVideoUri(Message message, JobStatus status) {
        status.videoUrl().ifPresent(uri -> message.setHeader(VeoConstants.VIDEO_URI, uri));
    }
}
