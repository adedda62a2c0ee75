package io.github.camelvideo.sora;

import java.nio.file.Path;
import java.util.Set;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.SceneRequests;
import io.github.camelvideo.core.storyboard.StoryboardLimits;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.sora.kie.KieSoraProvider;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * Storyboard scenes as OpenAI Videos requests: a scene generated on its own is a create call (with the first frame as
 * {@code input_reference}), and a scene that continues the video is a {@code POST /videos/extensions} call. On Kie,
 * which extends nothing, a scene is a text- or image-to-video task (from the previous clip's last frame).
 */
final class SoraScenes implements SceneRequests<SoraRequest> {

    /** The API's default length, used for scenes that give none when the endpoint sets no seconds. */
    static final int DEFAULT_SECONDS = 4;
    private static final String NO_EXTENSIONS = "provider kie joins separately generated scenes (storyboardMode"
                                                + " stitch) or makes one sora-2-pro-storyboard task; Kie's Sora"
                                                + " models extend no video";

    private final String model;
    private final String size;
    private final Integer defaultSeconds;
    private final ModelRules rules;
    private final PriceTable prices;
    private final boolean extensions;

    /**
     * @param model          the model of every scene
     * @param size           the size of every scene, or {@code null} for the server's default
     * @param defaultSeconds the length of scenes that give none, or {@code null} for the API's default
     * @param extensions     whether the provider extends videos (the OpenAI Videos API does, Kie's Sora does not)
     */
    SoraScenes(String model, String size, Integer defaultSeconds, ModelRules rules, PriceTable prices,
               boolean extensions) {
        this.model = model;
        this.size = size;
        this.defaultSeconds = defaultSeconds;
        this.rules = rules;
        this.prices = prices;
        this.extensions = extensions;
    }

    /** The model of every scene. */
    String model() {
        return model;
    }

    /** The size of every scene, or {@code null} for the server's default. */
    String size() {
        return size;
    }

    @Override
    public StoryboardLimits limits() {
        int fallback = defaultSeconds != null ? defaultSeconds : extensions ? DEFAULT_SECONDS
                : KieSoraProvider.DEFAULT_SECONDS;
        if (!extensions) {
            // no extension length is allowed, so a chain of scenes never fits and auto chooses stitching
            return new StoryboardLimits(rules.numbers(model, "seconds"), Set.of(), NO_EXTENSIONS, null, null,
                    fallback, fallback);
        }
        return new StoryboardLimits(rules.numbers(model, "seconds"), rules.numbers(model, "extensionSeconds"),
                "the lengths one extension can add", rules.number(model, "maxExtensions"),
                rules.number(model, "maxExtendedSeconds"), fallback, fallback);
    }

    @Override
    public SoraRequest generate(String prompt, int seconds, ImageInput firstFrame, JobStatus previous) {
        // a scene from the previous scene's last frame keeps its size, which the frame has
        String sceneSize = size != null ? size : previous != null ? previous.size() : null;
        return SoraRequest.builder().kind(SoraRequest.Kind.CREATE).prompt(prompt).model(model).seconds(seconds)
                .size(sceneSize).image(firstFrame).build();
    }

    @Override
    public SoraRequest extend(String prompt, int seconds, JobStatus previous, Path previousFile) {
        if (!extensions) {
            throw new VideoRequestInvalidException("Invalid storyboardMode 'extend': " + NO_EXTENSIONS
                                                   + ". Allowed: auto, stitch", "storyboardMode");
        }
        return SoraRequest.builder().kind(SoraRequest.Kind.EXTEND).prompt(prompt).model(model).seconds(seconds)
                .size(previous.size()).sourceVideoId(previous.ref().id()).build();
    }

    @Override
    public int maxPromptLength() {
        return SoraRequests.MAX_PROMPT_LENGTH;
    }

    @Override
    public CostEstimate estimate(SoraRequest request) {
        String pricedSize = request.size() != null ? request.size() : size != null ? size : SoraRequests.DEFAULT_SIZE;
        return prices.estimate(model, pricedSize, request.seconds()).orElse(null);
    }
}
