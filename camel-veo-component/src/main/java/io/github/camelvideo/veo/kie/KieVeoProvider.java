package io.github.camelvideo.veo.kie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.protocol.kie.KieCallbacks;
import io.github.camelvideo.core.protocol.kie.KieUploads;
import io.github.camelvideo.core.protocol.kie.KieVeo;
import io.github.camelvideo.core.spi.DownloadSource;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.spi.VideoProvider;
import io.github.camelvideo.core.support.Maps;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Veo 3.1 on Kie.ai's Veo API (not its market): a request becomes a {@code generate} body of Kie's fields
 * ({@code prompt}, {@code model}, {@code aspect_ratio}, {@code seeds}, {@code imageUrls} and the
 * {@code generationType} its images imply: none {@code TEXT_2_VIDEO}, a first and optional last frame
 * {@code FIRST_AND_LAST_FRAMES_2_VIDEO}, reference images {@code REFERENCE_2_VIDEO}), image bytes uploaded through
 * Kie's file upload API first; an extension is an {@code extend} of the earlier task's id. 1080p and 4k are steps
 * after generation ({@link KieVeo}). With push completion each task names a callback URL with its own token, checked
 * with Kie's signature when a webhookHmacKey is set.
 */
public final class KieVeoProvider implements VideoProvider<VeoRequest> {

    public static final String NAME = "kie-veo";
    /** The generation type of a prompt alone. */
    public static final String TEXT = "TEXT_2_VIDEO";
    /** The generation type of a first frame and an optional last frame. */
    public static final String FRAMES = "FIRST_AND_LAST_FRAMES_2_VIDEO";
    /** The generation type of reference images (Fast and Lite only). */
    public static final String REFERENCE = "REFERENCE_2_VIDEO";

    private final KieVeo veo;
    private final KieUploads uploads;
    private final CallbackTarget target;
    private final byte[] hmacKey;

    /**
     * @param veo     Kie's Veo API, naming a callback URL on each task when push is on
     * @param target  where callbacks go, or {@code null} when push completion is off
     * @param hmacKey the account's webhookHmacKey, or {@code null} when callbacks are not signed
     */
    public KieVeoProvider(KieVeo veo, KieUploads uploads, CallbackTarget target, byte[] hmacKey) {
        this.veo = veo;
        this.uploads = uploads;
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
        return KieCallbacks.protocol(NAME, target, hmacKey, veo.events());
    }

    /** The generation type of a request. */
    public static String generationTypeOf(VeoRequest r) {
        if (r.image() != null) {
            return FRAMES;
        }
        return r.referenceImages().isEmpty() ? TEXT : REFERENCE;
    }

    @Override
    public CompletionStage<JobStatus> submit(VeoRequest request) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(KieVeo.MODEL, request.model());
        attributes.put(KieVeo.SECONDS, request.seconds().toString());
        String resolution = request.requestedResolution();
        if (KieVeo.FULL_HD.equals(resolution) || KieVeo.FOUR_K.equalsIgnoreCase(String.valueOf(resolution))) {
            attributes.put(KieVeo.RESOLUTION, resolution.toLowerCase(java.util.Locale.ROOT));
        }
        if (request.isExtension()) {
            return veo.extend(extension(request), attributes);
        }
        return images(request).thenCompose(urls -> veo.generate(body(request, urls), attributes));
    }

    private static Map<String, Object> extension(VeoRequest r) {
        if (r.video().taskId() == null) {
            throw new VideoRequestInvalidException("Missing video to extend: provider=kie extends an earlier Kie"
                                                   + " task by its id (the operation name of that job)", "video");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", r.video().taskId());
        body.put("prompt", r.prompt());
        Maps.putIfSet(body, "seeds", r.seed());
        return body;
    }

    static Map<String, Object> body(VeoRequest r, List<String> imageUrls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", r.prompt());
        body.put("model", r.model());
        if (!imageUrls.isEmpty()) {
            body.put("imageUrls", new ArrayList<>(imageUrls));
        }
        // the field's spelling differs between copies of Kie's docs; aspect_ratio is the one live probes confirm
        Maps.putIfSet(body, "aspect_ratio", r.aspectRatio());
        Maps.putIfSet(body, "seeds", r.seed());
        body.put("generationType", generationTypeOf(r));
        return body;
    }

    /** The images as URLs, uploaded first: the frames in order, or the reference images. */
    private CompletionStage<List<String>> images(VeoRequest r) {
        List<ImageInput> images = new ArrayList<>();
        if (r.image() != null) {
            images.add(r.image());
            if (r.lastFrame() != null) {
                images.add(r.lastFrame());
            }
        } else {
            images.addAll(r.referenceImages());
        }
        CompletionStage<List<String>> urls = CompletableFuture.completedFuture(List.of());
        for (ImageInput image : images) {
            urls = urls.thenCompose(done -> uploads.upload(image).thenApply(url -> {
                List<String> more = new ArrayList<>(done);
                more.add(url);
                return more;
            }));
        }
        return urls;
    }

    @Override
    public CompletionStage<JobStatus> poll(JobRef ref) {
        return veo.recordInfo(ref);
    }

    @Override
    public DownloadSource downloadSource(JobStatus status, String variant) {
        return veo.downloadSource(status);
    }

    @Override
    public String toString() {
        return "KieVeoProvider[" + veo + "]";
    }
}
