package io.github.camelvideo.kling.kie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.protocol.kie.KieCallbacks;
import io.github.camelvideo.core.protocol.kie.KieMarket;
import io.github.camelvideo.core.protocol.kie.KieUploads;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.kling.provider.KlingProvider;
import io.github.camelvideo.kling.provider.KlingRequest;

/**
 * Kling on Kie.ai's market: a request becomes a {@code createTask} of the market model its Kling model maps to
 * (Kie's field names: {@code prompt}, {@code duration} as a string, {@code aspect_ratio}, {@code mode},
 * {@code sound}, and the frames as {@code image_urls}, image bytes uploaded through Kie's file upload API first);
 * {@code recordInfo} reads it back. With push completion each task names a callback URL with its own token, and
 * callbacks are checked against it and, when a {@code webhookHmacKey} is set, against Kie's signature.
 */
public final class KieKlingProvider implements KlingProvider {

    public static final String NAME = "kie-kling";

    private final KieMarket market;
    private final KieUploads uploads;
    private final KieKlingModels models;
    private final CallbackTarget target;
    private final byte[] hmacKey;

    /**
     * @param target  where callbacks go, or {@code null} when push completion is off
     * @param hmacKey the account's webhookHmacKey, or {@code null} when callbacks are not signed
     */
    public KieKlingProvider(KieMarket market, KieUploads uploads, KieKlingModels models, CallbackTarget target,
                            byte[] hmacKey) {
        this.market = market;
        this.uploads = uploads;
        this.models = models;
        this.target = target;
        this.hmacKey = hmacKey == null ? null : hmacKey.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Kie calls back each task's end at its per-task token URL; the signature is checked when a key is set. */
    @Override
    public WebhookProtocol webhookProtocol() {
        if (target == null) {
            return null;
        }
        return new WebhookProtocol(NAME, null, false, s -> KieCallbacks.verifier(target.tokens().verifier(), hmacKey),
                KieCallbacks.events(), true);
    }

    /** The market model a request goes to; refuses what Kie's Kling input does not take, before anything is sent. */
    @Override
    public String targetOf(KlingRequest request) {
        if (request.negativePrompt() != null) {
            throw unsupported("negativePrompt", request.negativePrompt());
        }
        if (request.cfgScale() != null) {
            throw unsupported("cfgScale", request.cfgScale());
        }
        return request.endpointId() != null ? request.endpointId() : models.slugOf(request.model());
    }

    private static VideoRequestInvalidException unsupported(String field, Object value) {
        return new VideoRequestInvalidException("Invalid " + field + " '" + value + "': Kie.ai's Kling input takes no "
                                                + field + " with provider kie. Allowed: leave " + field + " unset",
                field);
    }

    /**
     * The market model extending the videos of a Kling model.
     *
     * @throws VideoRequestInvalidException when its market model has no extension on Kie
     */
    public String extensionOf(String model) {
        String slug = models.slugOf(model);
        return models.extensionOf(slug).orElseThrow(() -> new VideoRequestInvalidException("Invalid model '" + model
                + "': the Kie.ai market model " + slug + " has no video extension with provider kie. Allowed: a model"
                + " whose market model extends videos, or another provider", "model"));
    }

    @Override
    public CompletionStage<JobStatus> submit(KlingRequest request) {
        String slug = targetOf(request);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(KieMarket.SECONDS, request.seconds().toString());
        String callBackUrl = target == null ? null : target.tokenUrl();
        return frames(request).thenCompose(urls -> market.createTask(slug, input(request, urls), callBackUrl,
                attributes));
    }

    /** The frames as URLs: given URLs as they are, image bytes uploaded first. */
    private CompletionStage<List<String>> frames(KlingRequest r) {
        if (r.kind() != KlingRequest.Kind.IMAGE_TO_VIDEO) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletionStage<String> first = frame(r.image(), r.imageUrl());
        if (!r.hasLastFrame()) {
            return first.thenApply(List::of);
        }
        return first.thenCombine(frame(r.lastFrame(), r.lastFrameUrl()), List::of);
    }

    private CompletionStage<String> frame(ImageInput bytes, String url) {
        return bytes != null ? uploads.upload(bytes) : CompletableFuture.completedFuture(url);
    }

    Map<String, Object> input(KlingRequest r, List<String> imageUrls) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", r.prompt());
        if (!imageUrls.isEmpty()) {
            input.put("image_urls", new ArrayList<>(imageUrls));
        } else {
            putIfSet(input, "aspect_ratio", r.aspectRatio()); // with images Kie adapts the shape to the first frame
        }
        putIfSet(input, "duration", r.duration());
        putIfSet(input, "mode", r.mode());
        putIfSet(input, "sound", r.generateAudio());
        return input;
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return market.recordInfo(ref);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        return market.downloadSource(status);
    }

    /** A handle on a Kie task known by its id. */
    @Override
    public JobRef taskRef(String taskId, String slug, String model) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (model != null) {
            attributes.put(KieMarket.MODEL, model);
        }
        return new JobRef(NAME, taskId, attributes);
    }

    private static void putIfSet(Map<String, Object> input, String key, Object value) {
        if (value != null) {
            input.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "KieKlingProvider[" + market + "]";
    }
}
