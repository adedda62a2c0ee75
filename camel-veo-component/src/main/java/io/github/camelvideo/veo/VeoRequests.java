package io.github.camelvideo.veo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.camel.Message;

import io.github.camelvideo.core.camel.MessageInputs;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.veo.fal.FalVeoEndpoints;
import io.github.camelvideo.veo.kie.KieVeoModels;
import io.github.camelvideo.veo.request.VeoRequest;

/**
 * Builds Veo requests from a message and the endpoint options, and checks them before anything is sent: values per
 * model family (from the rules), the rules between fields (1080p, 4k, reference images and extensions need the full
 * length; extensions are 720p) and the fields one provider does not take. Every error names the field, the value
 * given and what is allowed.
 */
final class VeoRequests {

    static final int MAX_PROMPT_LENGTH = 20_000;
    /** The most reference images a Veo request takes, for every model (Gemini API and Vertex AI). */
    static final int MAX_REFERENCE_IMAGES = 3;
    /** Kie's Veo API takes seeds of five digits. */
    static final long KIE_MIN_SEED = 10_000L;
    static final long KIE_MAX_SEED = 99_999L;
    private static final FalVeoEndpoints FAL_ENDPOINTS = FalVeoEndpoints.builtIn();

    private final VeoConfiguration config;
    private final ModelRules rules;

    VeoRequests(VeoConfiguration config, ModelRules rules) {
        this.config = config;
        this.rules = rules;
    }

    VeoRequest textToVideo(Message in) {
        return checked(request(in, MessageInputs.prompt(in, VeoConstants.PROMPT, true, MAX_PROMPT_LENGTH), null,
                null, List.of(), null));
    }

    VeoRequest imageToVideo(Message in) {
        String prompt = in.getHeader(VeoConstants.PROMPT) == null ? null
                : MessageInputs.prompt(in, VeoConstants.PROMPT, false, MAX_PROMPT_LENGTH);
        Object body = in.getBody();
        if (body == null) {
            throw new VideoRequestInvalidException("Missing image: send the first frame as the message body ("
                                                   + MessageInputs.MEDIA_TYPES + ")", "image");
        }
        ImageInput first = ImageInput.of(MessageInputs.bytes(body, "image", null), "image");
        byte[] last = MessageInputs.bytes(in.getHeader(VeoConstants.LAST_FRAME), "lastFrame", null);
        return checked(request(in, prompt, first, last == null ? null : ImageInput.of(last, "lastFrame"),
                referenceImages(in), null));
    }

    VeoRequest extend(Message in) {
        String uri = in.getHeader(VeoConstants.VIDEO_URI, String.class);
        Object body = in.getBody();
        boolean textBody = body instanceof String;
        String prompt = MessageInputs.prompt(in, VeoConstants.PROMPT, textBody, MAX_PROMPT_LENGTH);
        VeoRequest.VideoInput video;
        if (VeoConfiguration.KIE.equals(config.getProvider())) {
            video = kieTask(in);
        } else if (uri != null && !uri.isBlank()) {
            video = new VeoRequest.VideoInput(checkVideoUri(uri.trim()), null);
        } else if (config.isVertex() && body != null && !textBody) {
            video = new VeoRequest.VideoInput(null, MessageInputs.bytes(body, "video", null));
        } else {
            throw new VideoRequestInvalidException("Missing video to extend: set the " + VeoConstants.VIDEO_URI
                                                   + " header" + (config.isVertex()
                                                           ? " (a gs:// URI) or send the MP4 as the message body"
                                                           : " to the file URI of an earlier Veo result"),
                    "video");
        }
        return checked(request(in, prompt, null, null, List.of(), video));
    }

    /** Kie extends a task, not a file: the earlier job's operation name, which is its Kie task id. */
    private static VeoRequest.VideoInput kieTask(Message in) {
        String taskId = in.getHeader(VeoConstants.OPERATION_NAME, String.class);
        if (taskId == null || taskId.isBlank()) {
            throw new VideoRequestInvalidException("Missing video to extend: provider=kie extends an earlier Kie"
                                                   + " task; set the " + VeoConstants.OPERATION_NAME + " header to"
                                                   + " its task id (the operation name of that job)", "video");
        }
        return VeoRequest.VideoInput.ofTask(taskId.trim());
    }

    /** How the scenes of a storyboard become requests, with the options and headers of the message. */
    VeoScenes scenes(Message in, PriceTable prices) {
        return new VeoScenes(request(in, null, null, null, List.of(), null), this, rules, prices,
                config.isVertex() && config.getStorageUri() == null);
    }

    private VeoRequest request(Message in, String prompt, ImageInput image, ImageInput lastFrame,
                               List<ImageInput> references, VeoRequest.VideoInput video) {
        String model = MessageInputs.required(in, VeoConstants.MODEL, config.effectiveModel(), "model", "model");
        if (VeoConfiguration.KIE.equals(config.getProvider())) {
            model = KieVeoModels.builtIn().kieModelOf(model); // Google's and fal's ids name Kie's models too
        }
        Integer seconds = MessageInputs.wholeNumber(in, VeoConstants.DURATION_SECONDS, config.getDurationSeconds(),
                "durationSeconds", allowed(model, "durationSeconds", "a whole number"));
        return VeoRequest.builder().prompt(prompt).model(model)
                .aspectRatio(text(in, VeoConstants.ASPECT_RATIO, config.getAspectRatio()))
                .resolution(text(in, VeoConstants.RESOLUTION, config.getResolution())).durationSeconds(seconds)
                .negativePrompt(text(in, VeoConstants.NEGATIVE_PROMPT, config.getNegativePrompt()))
                .personGeneration(config.getPersonGeneration()).seed(config.getSeed())
                .generateAudio(config.getGenerateAudio()).storageUri(config.getStorageUri())
                .image(image).lastFrame(lastFrame).referenceImages(references).video(video)
                .build();
    }

    VeoRequest checked(VeoRequest r) {
        String model = r.model();
        rules.check(model, "durationSeconds", r.durationSeconds());
        rules.check(model, "resolution", r.requestedResolution());
        rules.check(model, "aspectRatio", r.aspectRatio());
        rules.check(model, "personGeneration", r.personGeneration());
        checkFullLength(r);
        checkReferenceImages(r);
        checkExtension(r);
        checkProviderFields(r);
        return r;
    }

    private void checkFullLength(VeoRequest r) {
        Set<String> fullLengthOnly = rules.allowed(r.model(), "fullLengthResolutions").orElse(Set.of());
        if (fullLengthOnly.contains(r.resolution())) {
            requireFullLength(r, "resolution " + r.resolution());
        }
    }

    private void checkReferenceImages(VeoRequest r) {
        int count = r.referenceImages().size();
        if (count == 0) {
            return;
        }
        Integer max = rules.number(r.model(), "maxReferenceImages");
        if (max == null) {
            // no rules for this model, but the API takes at most 3 reference images whatever the model
            if (count > MAX_REFERENCE_IMAGES) {
                throw VideoRequestInvalidException.notAllowed("referenceImages", count + " images",
                        "at most " + MAX_REFERENCE_IMAGES + ", for every model (model '" + r.model() + "')");
            }
            return;
        }
        if (count > max) {
            throw VideoRequestInvalidException.notAllowed("referenceImages", count + " images",
                    "at most " + max + " for model '" + r.model() + "'");
        }
        requireFullLength(r, "reference images");
    }

    private void checkExtension(VeoRequest r) {
        if (!r.isExtension()) {
            return;
        }
        rules.allowed(r.model(), "extensionResolution").ifPresent(allowed -> {
            if (!allowed.contains(r.resolution())) {
                throw VideoRequestInvalidException.notAllowed("resolution", r.resolution(),
                        String.join(", ", allowed) + " (extensions take and make " + String.join(", ", allowed)
                                                                            + " videos)");
            }
        });
        requireFullLength(r, "an extension");
    }

    private void requireFullLength(VeoRequest r, String what) {
        rules.allowed(r.model(), "fullLength").ifPresent(allowed -> {
            if (r.durationSeconds() != null && !allowed.contains(r.durationSeconds().toString())) {
                throw VideoRequestInvalidException.notAllowed("durationSeconds", r.durationSeconds(),
                        String.join(", ", allowed) + " (" + what + " needs " + String.join(", ", allowed)
                                                                                      + " seconds)");
            }
        });
    }

    private void checkProviderFields(VeoRequest r) {
        switch (String.valueOf(config.getProvider())) {
            case VeoConfiguration.FAL -> checkFal(r);
            case VeoConfiguration.KIE -> checkKie(r);
            case VeoConfiguration.VERTEX -> checkVertex(r);
            default -> checkGemini(r);
        }
    }

    private void checkVertex(VeoRequest r) {
        if (r.storageUri() != null && !r.storageUri().startsWith("gs://")) {
            throw VideoRequestInvalidException.notAllowed("storageUri", r.storageUri(), "a gs://bucket/prefix URI");
        }
    }

    private void checkGemini(VeoRequest r) {
        vertexOnly("seed", r.seed());
        vertexOnly("generateAudio", r.generateAudio());
        vertexOnly("storageUri", r.storageUri());
    }

    /** fal's Veo endpoints: the one the model and kind map to must exist, and take a prompt. */
    private void checkFal(VeoRequest r) {
        notTaken("fal", "storageUri", r.storageUri(), "provider=vertex");
        notTaken("fal", "personGeneration", r.personGeneration(), "provider=gemini or vertex");
        if (r.image() != null && !r.referenceImages().isEmpty()) {
            throw new VideoRequestInvalidException("Invalid referenceImages: fal's Veo endpoints take reference"
                                                   + " images without a first frame only (reference-to-video)."
                                                   + " Allowed: a first frame or reference images", "referenceImages");
        }
        requirePrompt(r, "fal");
        FAL_ENDPOINTS.endpointOf(r);
    }

    /** Kie's Veo API: 8-second videos; 1080p and 4k are fetched after generation. */
    private void checkKie(VeoRequest r) {
        notTaken("kie", "storageUri", r.storageUri(), "provider=vertex");
        notTaken("kie", "personGeneration", r.personGeneration(), "provider=gemini or vertex");
        notTaken("kie", "negativePrompt", r.negativePrompt(), "provider=gemini, vertex or fal");
        notTaken("kie", "generateAudio", r.generateAudio(), "provider=vertex or fal (kie always makes audio)");
        if (r.seed() != null && (r.seed() < KIE_MIN_SEED || r.seed() > KIE_MAX_SEED)) {
            throw VideoRequestInvalidException.notAllowed("seed", r.seed(), "a whole number from " + KIE_MIN_SEED
                                                                            + " to " + KIE_MAX_SEED + " on kie");
        }
        if (r.image() != null && !r.referenceImages().isEmpty()) {
            throw new VideoRequestInvalidException("Invalid referenceImages: Kie's Veo API takes reference images"
                                                   + " without a first frame only (REFERENCE_2_VIDEO). Allowed: a"
                                                   + " first frame or reference images", "referenceImages");
        }
        if (!r.referenceImages().isEmpty() && KieVeoModels.QUALITY.equals(r.model())) {
            throw new VideoRequestInvalidException("Invalid model '" + r.model() + "': Kie's REFERENCE_2_VIDEO"
                                                   + " (reference images) is not made by the Quality model. Allowed:"
                                                   + " veo3_fast or veo3_lite", "model");
        }
        requirePrompt(r, "kie");
    }

    private static void requirePrompt(VeoRequest r, String provider) {
        if (r.prompt() == null || r.prompt().isBlank()) {
            throw new VideoRequestInvalidException("Missing prompt: provider=" + provider + " needs a prompt with"
                                                   + " every request; set the " + VeoConstants.PROMPT + " header",
                    "prompt");
        }
    }

    private static void notTaken(String provider, String field, Object value, String allowed) {
        if (value != null) {
            throw new VideoRequestInvalidException("Invalid " + field + " '" + value + "': provider=" + provider
                                                   + " does not take " + field + ". Allowed only with " + allowed,
                    field);
        }
    }

    private static void vertexOnly(String field, Object value) {
        if (value != null) {
            throw new VideoRequestInvalidException("Invalid " + field + " '" + value + "': the Gemini API does not"
                                                   + " take " + field + ". Allowed only with provider=vertex", field);
        }
    }

    private String checkVideoUri(String uri) {
        boolean ok = config.isVertex() ? uri.startsWith("gs://")
                : uri.startsWith("https://") || uri.startsWith("http://");
        if (!ok) {
            throw VideoRequestInvalidException.notAllowed("videoUri", uri, config.isVertex()
                    ? "a gs:// URI of a Veo video" : "the https file URI of an earlier Veo result");
        }
        return uri;
    }

    private static List<ImageInput> referenceImages(Message in) {
        Object value = in.getHeader(VeoConstants.REFERENCE_IMAGES);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw VideoRequestInvalidException.notAllowed("referenceImages", value.getClass().getName(),
                    "a List of " + MessageInputs.MEDIA_TYPES);
        }
        List<ImageInput> images = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "referenceImages[" + i + "]";
            images.add(ImageInput.of(MessageInputs.bytes(list.get(i), field, null), field));
        }
        return images;
    }

    private String allowed(String model, String field, String otherwise) {
        return rules.allowed(model, field).map(v -> String.join(", ", v)).orElse(otherwise);
    }

    private static String text(Message in, String header, String option) {
        String value = in.getHeader(header, option, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
