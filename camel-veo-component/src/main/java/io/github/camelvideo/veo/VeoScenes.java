package io.github.camelvideo.veo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.protocol.kie.KieVeoRecord;
import io.github.camelvideo.core.spi.JobStatus;
import io.github.camelvideo.core.storyboard.SceneRequests;
import io.github.camelvideo.core.storyboard.StoryboardLimits;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.veo.google.VeoJob;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Storyboard scenes as Veo requests: a scene generated on its own is a text- or image-to-video call, and a scene that
 * continues the video is an extension, which adds a fixed length (7 s on Veo 3.1) to the earlier video. Every
 * request is checked like the component's own operations.
 */
final class VeoScenes implements SceneRequests<VeoRequest> {

    private static final String PLACEHOLDER_URI = "gs://storyboard/previous-scene.mp4";

    private final VeoRequest template;
    private final VeoRequests requests;
    private final ModelRules rules;
    private final PriceTable prices;
    private final boolean inlineResults;

    /**
     * @param template      the options every scene shares, as one request without prompt and media
     * @param inlineResults whether results come inside the response (Vertex without a storage URI), so an extension
     *                      must send the previous video's bytes
     */
    VeoScenes(VeoRequest template, VeoRequests requests, ModelRules rules, PriceTable prices,
              boolean inlineResults) {
        this.template = template;
        this.requests = requests;
        this.rules = rules;
        this.prices = prices;
        this.inlineResults = inlineResults;
    }

    @Override
    public StoryboardLimits limits() {
        int sceneDefault = template.durationSeconds() != null ? template.durationSeconds()
                : VeoRequest.DEFAULT_SECONDS;
        String model = template.model();
        return new StoryboardLimits(rules.numbers(model, "durationSeconds"), rules.numbers(model, "extensionSeconds"),
                "each Veo extension adds exactly " + VeoRequest.EXTENSION_SECONDS + " seconds",
                rules.number(model, "maxExtensions"), rules.number(model, "maxExtendedSeconds"), sceneDefault,
                VeoRequest.EXTENSION_SECONDS);
    }

    @Override
    public VeoRequest generate(String prompt, int seconds, ImageInput firstFrame, JobStatus previous) {
        return requests.checked(scene(prompt, seconds, firstFrame, null));
    }

    @Override
    public VeoRequest extend(String prompt, int seconds, JobStatus previous, Path previousFile) {
        return requests.checked(scene(prompt, null, null, videoOf(previous, previousFile)));
    }

    @Override
    public void checkExtensions() {
        requests.checked(scene("extension", null, null, new VeoRequest.VideoInput(PLACEHOLDER_URI, null)));
    }

    @Override
    public boolean extendsFromFile() {
        return inlineResults;
    }

    @Override
    public int maxPromptLength() {
        return VeoRequests.MAX_PROMPT_LENGTH;
    }

    @Override
    public CostEstimate estimate(VeoRequest request) {
        return prices.estimate(request.model(), request.resolution(), request.seconds()).orElse(null);
    }

    private VeoRequest scene(String prompt, Integer seconds, ImageInput firstFrame, VeoRequest.VideoInput video) {
        VeoRequest t = template;
        // the scene keeps the template's options, with its own prompt, length, first frame or video to extend
        return t.toBuilder().prompt(prompt).durationSeconds(seconds).image(firstFrame).lastFrame(null)
                .referenceImages(List.of()).video(video).build();
    }

    private static VeoRequest.VideoInput videoOf(JobStatus previous, Path previousFile) {
        if (previous.body() instanceof KieVeoRecord) {
            return VeoRequest.VideoInput.ofTask(previous.ref().id()); // Kie extends a task, not a file
        }
        String uri = previous.body() instanceof VeoJob job ? job.videoUri() : null;
        if (uri != null) {
            return new VeoRequest.VideoInput(uri, null);
        }
        try {
            return new VeoRequest.VideoInput(null, Files.readAllBytes(previousFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the previous scene's video " + previousFile, e);
        }
    }
}
