package io.github.camelvideo.kling;

import java.util.Optional;
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
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.fal.FalJob;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.core.storyboard.StoryboardMode;
import io.github.camelvideo.core.storyboard.StoryboardReader;
import io.github.camelvideo.kling.nativeapi.KlingTask;
import io.github.camelvideo.kling.provider.KlingRequest;
import io.github.camelvideo.kling.provider.MultiShot;

/**
 * Runs one operation per exchange, asynchronously: {@code process} returns at once and the route continues on the
 * engine's worker pool when the task is done. Each operation is one short method.
 */
public class KlingProducer extends DefaultAsyncProducer {

    /** Kling on fal reports neither progress nor expiry. */
    static final HeaderNames HEADERS = new HeaderNames(KlingConstants.REQUEST_ID, KlingConstants.STATUS, null,
            KlingConstants.MODEL, KlingConstants.SECONDS, KlingConstants.SIZE, null, KlingConstants.COST_USD,
            KlingConstants.VIDEO_DURATION, KlingConstants.IDEMPOTENCY_KEY, KlingConstants.SCENE_REQUEST_IDS,
            KlingConstants.STORYBOARD_MODE);

    /** The storyboard mode a storyboard made as one multi-shot task reports. */
    static final String MULTI_SHOT = "multiShot";

    private final KlingEndpoint endpoint;
    private final JobSteps steps;
    private KlingRequests requests;

    public KlingProducer(KlingEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.steps = new JobSteps(endpoint, HEADERS, KlingProducer::writeTaskHeaders);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requests = new KlingRequests(endpoint.getConfiguration(), endpoint.getComponent().getModelRules(),
                request -> endpoint.provider().targetOf(request));
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
            case storyboard -> storyboard(exchange, in);
            case getTask -> steps.status(endpoint.provider(), taskRef(in));
            case downloadVideo -> steps.download(endpoint.provider(), taskRef(in), "video");
            case jobs -> throw VideoRequestInvalidException.notAllowed(KlingConstants.OPERATION, "jobs",
                    "a producer operation; jobs is consumed with from(\"kling:jobs\")");
        };
    }

    /**
     * One multi-shot task when the provider makes them, the storyboard mode is auto and the scenes fit (the result
     * then says {@value #MULTI_SHOT} in the storyboard mode header); otherwise the engine's storyboard, scene by
     * scene.
     */
    private CompletionStage<Consumer<Message>> storyboard(Exchange exchange, Message in) {
        Storyboard storyboard = StoryboardReader.read(in);
        KlingScenes scenes = requests.scenes(in, endpoint.priceTable());
        Optional<KlingRequest> oneTask = auto(in) ? endpoint.provider().capability(MultiShot.class)
                .flatMap(multiShot -> scenes.multiShot(storyboard, multiShot)) : Optional.empty();
        if (oneTask.isEmpty()) {
            return steps.storyboard(exchange, endpoint.provider(), scenes, storyboard);
        }
        return runJob(exchange, oneTask.get()).thenApply(write -> message -> {
            write.accept(message);
            message.setHeader(KlingConstants.STORYBOARD_MODE, MULTI_SHOT);
        });
    }

    private boolean auto(Message in) {
        String mode = in.getHeader(KlingConstants.STORYBOARD_MODE, String.class);
        return mode == null ? endpoint.getConfiguration().getStoryboardMode() == StoryboardMode.auto
                : StoryboardMode.auto.name().equals(mode);
    }

    private KlingOperation operation(Message in) {
        String header = in.getHeader(KlingConstants.OPERATION, String.class);
        return header != null ? Operations.fromHeader(KlingOperation.class, KlingConstants.OPERATION, header)
                : endpoint.getOperation();
    }

    private CompletionStage<Consumer<Message>> runJob(Exchange exchange, KlingRequest request) {
        return steps.run(exchange, endpoint.provider(), request,
                requests.estimate(request, endpoint.priceTable()));
    }

    private JobRef taskRef(Message in) {
        String id = MessageInputs.required(in, KlingConstants.REQUEST_ID, null, "requestId", null);
        String model = in.getHeader(KlingConstants.MODEL, endpoint.getConfiguration().getModel(), String.class);
        return endpoint.provider().taskRef(id, requests.endpointOf(in), model);
    }

    /** The provider's own figures of a task: fal's queue position, the video's URL and the endpoint. */
    static void writeTaskHeaders(Message message, JobStatus status) {
        status.videoUrl().ifPresent(url -> message.setHeader(KlingConstants.VIDEO_URL, url));
        if (status.body() instanceof KlingTask task) {
            message.setHeader(KlingConstants.ENDPOINT_ID, task.path());
        }
        if (status.body() instanceof FalJob job) {
            if (job.queuePosition() != null) {
                message.setHeader(KlingConstants.QUEUE_POSITION, job.queuePosition());
            }
            if (job.endpointId() != null) {
                message.setHeader(KlingConstants.ENDPOINT_ID, job.endpointId());
            }
        }
    }
}
