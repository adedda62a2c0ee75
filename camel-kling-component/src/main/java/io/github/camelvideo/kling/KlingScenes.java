package io.github.camelvideo.kling;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.MultiShotPlan;
import io.github.camelvideo.core.storyboard.SceneRequests;
import io.github.camelvideo.core.storyboard.Storyboard;
import io.github.camelvideo.core.storyboard.StoryboardLimits;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.kling.provider.KlingRequest;
import io.github.camelvideo.kling.provider.MultiShot;

/**
 * Storyboard scenes as Kling requests: one multi-shot task when the provider makes them and the scenes fit
 * ({@link #multiShot}), else stitched: the first scene is a text-to-video call (or image-to-video from the
 * storyboard's first frame) and every later scene an image-to-video call from the previous clip's last frame; the
 * clips are joined. Kling has no extension in this version, so no scene extends the video.
 */
final class KlingScenes implements SceneRequests<KlingRequest> {

    private static final String NO_EXTENSIONS = "kling: joins separately generated scenes (storyboardMode stitch);"
                                                + " extending a video is not available";

    private final KlingRequest template;
    private final KlingRequests requests;
    private final ModelRules rules;
    private final PriceTable prices;

    /** @param template the options every scene shares, as one request without prompt and images */
    KlingScenes(KlingRequest template, KlingRequests requests, ModelRules rules, PriceTable prices) {
        this.template = template;
        this.requests = requests;
        this.rules = rules;
        this.prices = prices;
    }

    @Override
    public StoryboardLimits limits() {
        int sceneDefault = template.seconds();
        // no extension length is allowed, so a chain of scenes never fits and auto chooses stitching
        return new StoryboardLimits(rules.numbers(template.model(), "duration"), Set.of(), NO_EXTENSIONS, null, null,
                sceneDefault, sceneDefault);
    }

    @Override
    public KlingRequest generate(String prompt, int seconds, ImageInput firstFrame, JobStatus previous) {
        KlingRequest t = template;
        KlingRequest.Kind kind = firstFrame != null ? KlingRequest.Kind.IMAGE_TO_VIDEO
                : KlingRequest.Kind.TEXT_TO_VIDEO;
        return requests.checked(t.toBuilder().kind(kind).prompt(prompt).duration(Integer.toString(seconds))
                .image(firstFrame).imageUrl(null).lastFrame(null).lastFrameUrl(null)
                .endpointId(kind == KlingRequest.Kind.TEXT_TO_VIDEO ? t.endpointId() : null).build());
    }

    @Override
    public KlingRequest extend(String prompt, int seconds, JobStatus previous, Path previousFile) {
        throw new VideoRequestInvalidException("Invalid storyboardMode 'extend': " + NO_EXTENSIONS
                                               + ". Allowed: auto, stitch", "storyboardMode");
    }

    /**
     * The storyboard as one multi-shot task (one shot per scene, the shots' lengths summing to the video's), when the
     * provider makes multi-shot tasks of the model and the scenes fit what one task holds: at most its shots, its
     * total length (and one the model's rules allow), no shot shorter or prompt longer than it takes. Empty
     * otherwise: the scenes are then made one by one and joined.
     */
    Optional<KlingRequest> multiShot(Storyboard storyboard, MultiShot provider) {
        Optional<MultiShot.Limits> found = provider.multiShotLimits(template.model());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MultiShot.Limits l = found.get();
        Optional<List<MultiShotPlan.Shot>> plan = MultiShotPlan.fit(storyboard, template.seconds(),
                new MultiShotPlan.Limits(l.maxShots(), l.maxTotalSeconds(), l.minShotSeconds(), l.maxPromptLength()),
                rules.numbers(template.model(), "duration"));
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<KlingRequest.Shot> shots = plan.get().stream().map(s -> new KlingRequest.Shot(s.prompt(), s.seconds()))
                .toList();
        int total = MultiShotPlan.total(plan.get());
        ImageInput firstFrame = storyboard.firstFrame();
        KlingRequest.Kind kind = firstFrame != null ? KlingRequest.Kind.IMAGE_TO_VIDEO
                : KlingRequest.Kind.TEXT_TO_VIDEO;
        return Optional.of(requests.checked(template.toBuilder().kind(kind).prompt(shots.get(0).prompt())
                .duration(Integer.toString(total)).image(firstFrame).imageUrl(null).lastFrame(null)
                .lastFrameUrl(null).endpointId(kind == KlingRequest.Kind.TEXT_TO_VIDEO ? template.endpointId() : null)
                .shots(shots).build()));
    }

    @Override
    public int maxPromptLength() {
        return KlingRequests.MAX_PROMPT_LENGTH;
    }

    @Override
    public CostEstimate estimate(KlingRequest request) {
        return requests.estimate(request, prices);
    }
}
