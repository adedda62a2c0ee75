package io.github.camelvideo.kling.fal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.protocol.fal.FalInputs;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.protocol.fal.FalWebhooks;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.kling.provider.KlingProvider;
import io.github.camelvideo.kling.provider.KlingRequest;

/**
 * Kling on fal.ai: a request becomes the input of the fal endpoint its model, mode and kind map to (fal's field
 * names: {@code duration} as a string, {@code aspect_ratio}, {@code generate_audio}, {@code negative_prompt},
 * {@code cfg_scale}, and the frame fields of the endpoint's group, images as data URIs); fal's queue does the rest.
 */
public final class FalKlingProvider implements KlingProvider {

    public static final String NAME = "fal-kling";

    private final FalQueue queue;
    private final FalKlingEndpoints endpoints;
    private final WebhookProtocol webhooks;

    /** A provider without push completion. */
    public FalKlingProvider(FalQueue queue, FalKlingEndpoints endpoints) {
        this(queue, endpoints, null);
    }

    /**
     * @param queue     fal's queue, which names the callback URL on each submit when push completion is on
     * @param endpoints the endpoint ids per model, mode and kind
     * @param webhooks  fal's push protocol ({@link FalWebhooks#protocol}), or {@code null} for none
     */
    public FalKlingProvider(FalQueue queue, FalKlingEndpoints endpoints, WebhookProtocol webhooks) {
        this.queue = queue;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
    }

    /** fal calls back each request's end, signed with the Ed25519 keys of its JWKS: no secret is needed. */
    @Override
    public WebhookProtocol webhookProtocol() {
        return webhooks;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The fal endpoint a request goes to; checks that it takes the request's frames, before anything is sent. */
    @Override
    public String targetOf(KlingRequest request) {
        String endpoint = endpoints.endpointOf(request);
        if (request.hasLastFrame() && endpoints.lastFrameField(endpoint).isEmpty()) {
            throw new VideoRequestInvalidException("Invalid lastFrame: the fal endpoint " + endpoint + " takes no"
                                                   + " last frame. Allowed: a last frame only with endpoints that"
                                                   + " take one, such as fal-ai/kling-video/v3/pro/image-to-video",
                    "lastFrame");
        }
        return endpoint;
    }

    @Override
    public CompletionStage<JobStatus> submit(KlingRequest request) {
        String endpoint = targetOf(request);
        return queue.submitVideo(endpoint, input(request, endpoint), request.model(), request.seconds());
    }

    Map<String, Object> input(KlingRequest r, String endpoint) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", r.prompt());
        Maps.putIfSet(input, "duration", r.duration());
        if (r.kind() == KlingRequest.Kind.TEXT_TO_VIDEO) {
            Maps.putIfSet(input, "aspect_ratio", r.aspectRatio()); // image-to-video takes the first frame's shape
        } else {
            input.put(endpoints.firstFrameField(endpoint), frame(r.image(), r.imageUrl()));
            if (r.hasLastFrame()) {
                input.put(endpoints.lastFrameField(endpoint).orElseThrow(), frame(r.lastFrame(), r.lastFrameUrl()));
            }
        }
        Maps.putIfSet(input, "generate_audio", r.generateAudio());
        Maps.putIfSet(input, "negative_prompt", r.negativePrompt());
        Maps.putIfSet(input, "cfg_scale", r.cfgScale());
        return input;
    }

    private static String frame(ImageInput bytes, String url) {
        return bytes != null ? FalInputs.dataUri(bytes) : url;
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return queue.poll(ref);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        return queue.downloadSource(status);
    }

    /** A handle on a fal request known by its id, submitted to {@code endpointId} (or one of its app). */
    @Override
    public JobRef taskRef(String requestId, String endpointId, String model) {
        return queue.ref(endpointId, requestId, model == null ? Map.of() : Map.of(FalQueue.MODEL, model));
    }

    @Override
    public String toString() {
        return "FalKlingProvider[" + queue + "]";
    }
}
