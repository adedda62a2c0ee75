package io.github.camelvideo.veo.fal;

import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.protocol.fal.FalInputs;
import io.github.camelvideo.core.protocol.fal.FalQueue;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Veo 3.1 on fal.ai: a request becomes the input of the fal endpoint its model and kind map to, with fal's field
 * names ({@code duration} as a string with its unit such as {@code "8s"}, {@code aspect_ratio}, {@code resolution},
 * {@code generate_audio}, {@code negative_prompt}, {@code seed}, and the media fields of the endpoint, images as data
 * URIs); fal's queue does the rest.
 */
public final class FalVeoProvider implements VideoProvider<VeoRequest> {

    public static final String NAME = "fal-veo";

    private final FalQueue queue;
    private final FalVeoEndpoints endpoints;
    private final WebhookProtocol webhooks;

    /**
     * @param queue     fal's queue, naming the callback URL on each submit when push is on
     * @param endpoints the endpoint of each model and kind of request
     * @param webhooks  fal's push protocol ({@link io.github.camelvideo.core.protocol.fal.FalWebhooks#protocol}),
     *                  or {@code null} for none
     */
    public FalVeoProvider(FalQueue queue, FalVeoEndpoints endpoints, WebhookProtocol webhooks) {
        this.queue = queue;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
    }

    @Override
    public WebhookProtocol webhookProtocol() {
        return webhooks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<JobStatus> submit(VeoRequest request) {
        String endpoint = endpoints.endpointOf(request);
        return queue.submitVideo(endpoint, input(request), request.model(), request.seconds());
    }

    static Map<String, Object> input(VeoRequest r) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", r.prompt());
        if (r.isExtension()) {
            input.put("video_url", r.video().uri()); // the extension endpoint makes 7 s at 720p: nothing else to say
            return input;
        }
        if (r.durationSeconds() != null) {
            input.put("duration", r.durationSeconds() + "s");
        }
        Maps.putIfSet(input, "aspect_ratio", r.aspectRatio());
        Maps.putIfSet(input, "resolution", r.requestedResolution());
        Maps.putIfSet(input, "generate_audio", r.generateAudio());
        Maps.putIfSet(input, "negative_prompt", r.negativePrompt());
        Maps.putIfSet(input, "seed", r.seed());
        switch (FalVeoEndpoints.kindOf(r)) {
            case "imageToVideo" -> input.put("image_url", FalInputs.dataUri(r.image()));
            case "firstLastFrame" -> {
                input.put("first_frame_url", FalInputs.dataUri(r.image()));
                input.put("last_frame_url", FalInputs.dataUri(r.lastFrame()));
            }
            case "referenceToVideo" -> input.put("image_urls", r.referenceImages().stream()
                    .map(FalInputs::dataUri).toList());
            default -> {
                // text only
            }
        }
        return input;
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return queue.poll(withEndpoint(ref));
    }

    /** A request known by its id only (getOperation, downloadVideo) is read below fal's Veo app. */
    private JobRef withEndpoint(JobRef ref) {
        if (ref.attributes().containsKey(FalQueue.ENDPOINT_ID)) {
            return ref;
        }
        return queue.ref(FalVeoEndpoints.APP, ref.id(), ref.attributes());
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        return queue.downloadSource(status);
    }

    @Override
    public String toString() {
        return "FalVeoProvider[" + queue + "]";
    }
}
