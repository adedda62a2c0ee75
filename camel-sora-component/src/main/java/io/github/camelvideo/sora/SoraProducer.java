package io.github.camelvideo.sora;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.camelvideo.core.camel.HeaderNames;
import io.github.camelvideo.core.camel.JobSteps;
import io.github.camelvideo.core.camel.Operations;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.spi.Capabilities;
import io.github.camelvideo.core.spi.JobDeletion;
import io.github.camelvideo.core.spi.JobListing;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.MultiShotPlan;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.core.storyboard.StoryboardMode;
import io.github.camelvideo.core.storyboard.StoryboardReader;
import io.github.camelvideo.sora.openai.SoraProvider;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * Runs one operation per exchange, asynchronously: {@code process} returns at once and the route continues on the
 * engine's worker pool when the job is done. Each operation is one short method.
 */
public class SoraProducer extends DefaultAsyncProducer {

    static final HeaderNames HEADERS = new HeaderNames(SoraConstants.VIDEO_ID, SoraConstants.STATUS,
            SoraConstants.PROGRESS, SoraConstants.MODEL, SoraConstants.SECONDS, SoraConstants.SIZE,
            SoraConstants.EXPIRES_AT, SoraConstants.COST_USD, SoraConstants.DURATION, SoraConstants.IDEMPOTENCY_KEY,
            SoraConstants.SCENE_VIDEO_IDS, SoraConstants.STORYBOARD_MODE);
    private static final String DEFAULT_SECONDS = "4";
    /** The storyboard mode a storyboard made as one Kie storyboard task reports. */
    static final String MULTI_SHOT = "multiShot";

    private final SoraEndpoint endpoint;
    private final JobSteps steps;
    private SoraRequests requests;

    public SoraProducer(SoraEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.steps = new JobSteps(endpoint, HEADERS, SoraProducer::writeTaskHeaders);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requests = new SoraRequests(endpoint.getConfiguration(),
                SoraProviders.rulesOf(endpoint.getConfiguration(), endpoint.getComponent().getModelRules()));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        return steps.process(exchange, callback, () -> start(exchange));
    }

    private CompletionStage<Consumer<Message>> start(Exchange exchange) {
        SoraOperation operation = operation(exchange);
        return switch (operation) {
            case textToVideo -> runJob(exchange, requests.textToVideo(exchange));
            case imageToVideo -> runJob(exchange, requests.imageToVideo(exchange));
            case remix -> runJob(exchange, requests.remix(exchange));
            case extend -> runJob(exchange, requests.extend(exchange));
            case storyboard -> storyboard(exchange);
            case getVideo -> steps.status(provider(), videoRef(exchange));
            case listVideos -> listVideos();
            case deleteVideo -> deleteVideo(exchange);
            case downloadVideo -> steps.download(provider(), videoRef(exchange), variant(exchange));
            case removeWatermark -> runJob(exchange, requests.removeWatermark(exchange));
            case jobs -> throw VideoRequestInvalidException.notAllowed(SoraConstants.OPERATION, operation,
                    "a producer operation; jobs is consumed with from(\"sora:jobs\")");
        };
    }

    /**
     * One Kie storyboard task when the provider makes them of the model, the storyboard mode is auto and the scenes
     * fit (the result then says {@value #MULTI_SHOT} in the storyboard mode header); otherwise the engine's
     * storyboard, scene by scene.
     */
    private CompletionStage<Consumer<Message>> storyboard(Exchange exchange) {
        SoraScenes scenes = requests.scenes(exchange, endpoint.priceTable());
        Storyboard storyboard = StoryboardReader.read(exchange.getMessage());
        // later scenes start from the previous clip's last frame, which has the video's size
        requests.checkImageSize(storyboard.firstFrame(), "firstFrame", scenes.size(), scenes.model());
        Optional<SoraRequest> oneTask = auto(exchange.getMessage()) ? oneTask(exchange, scenes, storyboard)
                : Optional.empty();
        if (oneTask.isEmpty()) {
            return steps.storyboard(exchange, provider(), scenes, storyboard);
        }
        return runJob(exchange, oneTask.get()).thenApply(write -> message -> {
            write.accept(message);
            message.setHeader(SoraConstants.STORYBOARD_MODE, MULTI_SHOT);
        });
    }

    /** The storyboard as one task, when the provider makes storyboard tasks of the model and the scenes fit one. */
    private Optional<SoraRequest> oneTask(Exchange exchange, SoraScenes scenes, Storyboard storyboard) {
        return provider().storyboardLimits(scenes.model()).flatMap(limits -> MultiShotPlan.fit(storyboard,
                requests.sceneSeconds(exchange), limits, requests.storyboardSeconds(scenes.model())))
                .map(shots -> SoraRequest.builder().kind(SoraRequest.Kind.STORYBOARD).model(scenes.model())
                        .size(scenes.size()).seconds(MultiShotPlan.total(shots)).image(storyboard.firstFrame())
                        .shots(shots.stream().map(s -> new SoraRequest.Shot(s.prompt(), s.seconds())).toList())
                        .build());
    }

    private boolean auto(Message in) {
        String mode = in.getHeader(SoraConstants.STORYBOARD_MODE, String.class);
        return mode == null ? endpoint.getConfiguration().getStoryboardMode() == StoryboardMode.auto
                : StoryboardMode.auto.name().equals(mode);
    }

    private SoraOperation operation(Exchange exchange) {
        String header = exchange.getMessage().getHeader(SoraConstants.OPERATION, String.class);
        return header != null ? Operations.fromHeader(SoraOperation.class, SoraConstants.OPERATION, header)
                : endpoint.getOperation();
    }

    private CompletionStage<Consumer<Message>> runJob(Exchange exchange, SoraRequest request) {
        provider().check(request); // refuses what the provider makes no task of, before anything is paid or sent
        return steps.run(exchange, provider(), request, estimate(request));
    }

    private CompletionStage<Consumer<Message>> listVideos() {
        SoraConfiguration c = endpoint.getConfiguration();
        return Capabilities.require(provider(), JobListing.class, "listVideos")
                .list(c.getAfter(), c.getLimit(), c.getOrder())
                .thenApply(page -> message -> message.setBody(page));
    }

    private CompletionStage<Consumer<Message>> deleteVideo(Exchange exchange) {
        String id = SoraRequests.videoId(exchange.getMessage());
        return Capabilities.require(provider(), JobDeletion.class, "deleteVideo").delete(id).thenApply(deleted -> message -> message.setBody(deleted));
    }

    private JobRef videoRef(Exchange exchange) {
        return provider().taskRef(SoraRequests.videoId(exchange.getMessage()),
                exchange.getMessage().getHeader(SoraConstants.MODEL, String.class));
    }

    /** The provider's own figures of a job: on Kie, the URL of the result it serves. */
    static void writeTaskHeaders(Message message, JobStatus status) {
        status.videoUrl().ifPresent(url -> message.setHeader(SoraConstants.VIDEO_URL, url));
    }

    private String variant(Exchange exchange) {
        String variant = exchange.getMessage().getHeader(SoraConstants.VARIANT,
                endpoint.getConfiguration().getVariant(), String.class);
        if (!"video".equals(variant) && !"thumbnail".equals(variant) && !"spritesheet".equals(variant)) {
            throw VideoRequestInvalidException.notAllowed("variant", variant, "video, thumbnail, spritesheet");
        }
        return variant;
    }

    private CostEstimate estimate(SoraRequest request) {
        if (request.kind() == SoraRequest.Kind.REMIX || request.kind() == SoraRequest.Kind.REMOVE_WATERMARK) {
            return null; // the length follows the source video, which is not known before the call
        }
        String seconds = request.seconds() != null ? request.seconds().toString() : DEFAULT_SECONDS;
        String size = request.size() != null ? request.size() : SoraRequests.DEFAULT_SIZE;
        return endpoint.priceTable()
                .estimate(request.model(), size, Integer.valueOf(seconds)).orElse(null);
    }

    private SoraProvider provider() {
        return endpoint.provider();
    }
}
