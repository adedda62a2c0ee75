package io.github.camelvideo.sora.kie;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.protocol.kie.KieTasks;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.MultiShotPlan;
import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.sora.openai.SoraProvider;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * Sora 2 on Kie.ai's market (slugs paused upstream since 2026-06: Kie then answers "This interface is temporarily
 * paused", which fails as a request error naming the pause). A create becomes a {@code createTask} of the slug its
 * model and operation map to ({@link KieSoraModels}), with Kie's field names: {@code prompt}, {@code image_urls}
 * (image bytes uploaded through Kie's file upload API first), {@code aspect_ratio} ({@code landscape} or
 * {@code portrait}, from the size), {@code n_frames} (the seconds, as a string), {@code size} ({@code standard} or
 * {@code high}, pro models only, always sent since Kie's default is reported both ways), {@code remove_watermark} and
 * {@code upload_method}. A storyboard task carries {@code shots} of {@code {"Scene", "duration"}} summing to
 * {@code n_frames}; the watermark remover takes the share link as {@code video_url}. Tasks are handled by
 * {@link KieTasks}.
 */
public final class KieSoraProvider implements SoraProvider {

    public static final String NAME = "kie-sora";
    /** Kie's length when none is given. */
    public static final int DEFAULT_SECONDS = 10;

    private final KieTasks tasks;
    private final KieSoraModels models;

    /** @param tasks Kie's market task handling, named {@value #NAME} */
    public KieSoraProvider(KieTasks tasks, KieSoraModels models) {
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

    /**
     * The market slug a request goes to.
     *
     * @throws VideoRequestInvalidException when Kie makes no such task of the request's model, before anything is
     *                                      sent
     */
    public String slugOf(SoraRequest request) {
        return switch (request.kind()) {
            case CREATE -> models.slugOf(request.model(), request.image() != null || request.imageUrl() != null
                    ? "imageToVideo" : "textToVideo");
            case STORYBOARD -> models.slugOf(request.model(), KieSoraModels.STORYBOARD);
            case REMOVE_WATERMARK -> models.watermarkRemover();
            case REMIX, EXTEND -> throw new VideoRequestInvalidException("Invalid operation '"
                    + request.kind().name().toLowerCase(java.util.Locale.ROOT) + "': Kie.ai's Sora models make no"
                    + " remix or extension with provider kie. Allowed: textToVideo, imageToVideo, storyboard,"
                    + " removeWatermark", "operation");
        };
    }

    /** Refuses what Kie makes no task of, before anything is paid for or sent. */
    @Override
    public void check(SoraRequest request) {
        slugOf(request);
    }

    /**
     * What one storyboard task of the model holds, or empty when Kie has no storyboard slug for it (the storyboard is
     * then made scene by scene).
     */
    @Override
    public Optional<MultiShotPlan.Limits> storyboardLimits(String model) {
        return models.find(model, KieSoraModels.STORYBOARD).map(slug -> models.storyboardLimits());
    }

    @Override
    public CompletionStage<JobStatus> submit(SoraRequest request) {
        String slug = slugOf(request);
        return image(request).thenCompose(url -> tasks.create(slug, input(request, url), secondsOf(request)));
    }

    /** The length the task reports: the watermark remover's follows its source, which is not known. */
    private static Integer secondsOf(SoraRequest request) {
        if (request.kind() == SoraRequest.Kind.REMOVE_WATERMARK) {
            return null;
        }
        return request.seconds() != null ? request.seconds() : DEFAULT_SECONDS;
    }

    private CompletionStage<String> image(SoraRequest r) {
        if (r.image() == null && r.imageUrl() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return tasks.imageUrl(r.image(), r.imageUrl());
    }

    Map<String, Object> input(SoraRequest r, String imageUrl) {
        Map<String, Object> input = new LinkedHashMap<>();
        if (r.kind() == SoraRequest.Kind.REMOVE_WATERMARK) {
            input.put("video_url", r.videoUrl());
            Maps.putIfSet(input, "upload_method", r.uploadMethod());
            return input;
        }
        if (r.kind() == SoraRequest.Kind.STORYBOARD) {
            input.put("shots", r.shots().stream().map(KieSoraProvider::shot).toList());
        } else {
            input.put("prompt", r.prompt());
        }
        if (imageUrl != null) {
            input.put("image_urls", List.of(imageUrl));
        }
        input.put("aspect_ratio", aspectRatio(r.size()));
        input.put("n_frames", Integer.toString(secondsOf(r)));
        if (models.hasSizeTiers(r.model())) {
            input.put("size", models.tierOf(r.size()));
        }
        if (r.kind() == SoraRequest.Kind.CREATE) {
            Maps.putIfSet(input, "remove_watermark", r.removeWatermark());
            Maps.putIfSet(input, "upload_method", r.uploadMethod());
        }
        return input;
    }

    /** One storyboard shot in Kie's spelling, Scene capitalised, in a fixed order so that equal requests are equal. */
    private static Map<String, Object> shot(SoraRequest.Shot s) {
        Map<String, Object> shot = new LinkedHashMap<>();
        shot.put("Scene", s.scene());
        shot.put("duration", s.seconds());
        return shot;
    }

    /** Kie's orientation of a WIDTHxHEIGHT size: portrait when taller than wide; its default, landscape, else. */
    static String aspectRatio(String size) {
        if (size == null) {
            return "landscape";
        }
        String[] wh = size.split("x");
        return Integer.parseInt(wh[1]) > Integer.parseInt(wh[0]) ? "portrait" : "landscape";
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return tasks.poll(ref);
    }

    /** Kie's Sora tasks have one result, the video: no thumbnail or spritesheet. */
    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        if (variant != null && !"video".equals(variant)) {
            throw VideoRequestInvalidException.notAllowed("variant", variant,
                    "video (Kie.ai's Sora tasks have no thumbnail or spritesheet)");
        }
        return tasks.downloadSource(status);
    }

    /** A handle on a Kie task known by its id. */
    @Override
    public JobRef taskRef(String taskId, String model) {
        return tasks.taskRef(taskId, model);
    }

    @Override
    public String toString() {
        return "KieSoraProvider[" + tasks + "]";
    }
}
