package io.github.camelvideo.kling.kie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.kie.KieTasks;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.support.Maps;
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

    private final KieTasks tasks;
    private final KieKlingModels models;

    /** @param tasks Kie's market task handling, named {@value #NAME} */
    public KieKlingProvider(KieTasks tasks, KieKlingModels models) {
        this.tasks = tasks;
        this.models = models;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WebhookProtocol webhookProtocol() {
        return tasks.webhookProtocol();
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
        return frames(request).thenCompose(urls -> tasks.create(slug, input(request, urls), request.seconds()));
    }

    /** The frames as URLs: given URLs as they are, image bytes uploaded first. */
    private CompletionStage<List<String>> frames(KlingRequest r) {
        if (r.kind() != KlingRequest.Kind.IMAGE_TO_VIDEO) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletionStage<String> first = tasks.imageUrl(r.image(), r.imageUrl());
        if (!r.hasLastFrame()) {
            return first.thenApply(List::of);
        }
        return first.thenCombine(tasks.imageUrl(r.lastFrame(), r.lastFrameUrl()), List::of);
    }

    Map<String, Object> input(KlingRequest r, List<String> imageUrls) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", r.prompt());
        if (!imageUrls.isEmpty()) {
            input.put("image_urls", new ArrayList<>(imageUrls));
        } else {
            Maps.putIfSet(input, "aspect_ratio", r.aspectRatio()); // with images Kie adapts the shape to the first frame
        }
        Maps.putIfSet(input, "duration", r.duration());
        Maps.putIfSet(input, "mode", r.mode());
        Maps.putIfSet(input, "sound", r.generateAudio());
        return input;
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return tasks.poll(ref);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        return tasks.downloadSource(status);
    }

    /** A handle on a Kie task known by its id. */
    @Override
    public JobRef taskRef(String taskId, String slug, String model) {
        return tasks.taskRef(taskId, model);
    }

    @Override
    public String toString() {
        return "KieKlingProvider[" + tasks + "]";
    }
}
