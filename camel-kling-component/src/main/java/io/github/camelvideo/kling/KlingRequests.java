package io.github.camelvideo.kling;

import java.util.Set;
import java.util.function.Function;

import org.apache.camel.Message;

import io.github.camelvideo.core.camel.MessageInputs;
import io.github.camelvideo.core.cost.CostEstimate;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.kling.provider.KlingRequest;

/**
 * Builds Kling requests from a message and the endpoint options, and checks them before anything is sent: values per
 * model family (from the rules), the mode, the prompt guidance scale, and that the provider has an endpoint for the
 * model and takes the frames given. Every error names the field, the value given and what is allowed.
 */
final class KlingRequests {

    /** Kling's longest prompt. */
    static final int MAX_PROMPT_LENGTH = 2500;

    private final KlingConfiguration config;
    private final ModelRules rules;
    private final Function<KlingRequest, String> endpointCheck;

    /**
     * @param endpointCheck the provider's endpoint for a request, failing when it has none or refuses its frames
     */
    KlingRequests(KlingConfiguration config, ModelRules rules, Function<KlingRequest, String> endpointCheck) {
        this.config = config;
        this.rules = rules;
        this.endpointCheck = endpointCheck;
    }

    KlingRequest textToVideo(Message in) {
        String prompt = MessageInputs.prompt(in, KlingConstants.PROMPT, true, MAX_PROMPT_LENGTH);
        return checked(request(in, KlingRequest.Kind.TEXT_TO_VIDEO, prompt, null, null, null, null));
    }

    KlingRequest imageToVideo(Message in) {
        String imageUrl = url(in, KlingConstants.IMAGE_URL, "imageUrl");
        ImageInput image = null;
        if (imageUrl == null) {
            Object body = in.getBody();
            if (body == null) {
                throw new VideoRequestInvalidException("Missing image: send the first frame as the message body ("
                                                       + MessageInputs.MEDIA_TYPES + ") or set the "
                                                       + KlingConstants.IMAGE_URL + " header", "image");
            }
            image = ImageInput.of(MessageInputs.bytes(body, "image", "the " + KlingConstants.IMAGE_URL + " header"),
                    "image");
        }
        // with image bytes in the body the prompt can only come from the header
        String prompt = MessageInputs.prompt(in, KlingConstants.PROMPT, imageUrl != null, MAX_PROMPT_LENGTH);
        byte[] last = MessageInputs.bytes(in.getHeader(KlingConstants.LAST_FRAME), "lastFrame",
                "the " + KlingConstants.LAST_FRAME_URL + " header");
        return checked(request(in, KlingRequest.Kind.IMAGE_TO_VIDEO, prompt, image, imageUrl,
                last == null ? null : ImageInput.of(last, "lastFrame"), url(in, KlingConstants.LAST_FRAME_URL,
                        "lastFrameUrl")));
    }

    KlingRequest extend(Message in) {
        String videoUrl = url(in, KlingConstants.VIDEO_URL, "videoUrl");
        if (videoUrl == null) {
            throw new VideoRequestInvalidException("Missing video: set the " + KlingConstants.VIDEO_URL
                                                   + " header to the URL of the video to continue", "videoUrl");
        }
        String prompt = MessageInputs.prompt(in, KlingConstants.PROMPT, true, MAX_PROMPT_LENGTH);
        return checked(request(in, KlingRequest.Kind.EXTEND, prompt, null, null, null, null).toBuilder()
                .videoUrl(videoUrl).build());
    }

    /** How the scenes of a storyboard become requests, with the options and headers of the message. */
    KlingScenes scenes(Message in, PriceTable prices) {
        return new KlingScenes(request(in, KlingRequest.Kind.TEXT_TO_VIDEO, null, null, null, null, null), this,
                rules, prices);
    }

    /** The endpoint id a task of this message's options belongs to: the option or header, else the mapped one. */
    String endpointOf(Message in) {
        KlingRequest template = request(in, KlingRequest.Kind.TEXT_TO_VIDEO, "", null, null, null, null);
        return endpointCheck.apply(template);
    }

    private KlingRequest request(Message in, KlingRequest.Kind kind, String prompt, ImageInput image, String imageUrl,
                                 ImageInput lastFrame, String lastFrameUrl) {
        String model = MessageInputs.required(in, KlingConstants.MODEL, config.getModel(), "model", "model");
        return KlingRequest.builder().kind(kind).prompt(prompt).model(model)
                .mode(text(in, KlingConstants.MODE, config.getMode())).duration(duration(in, model))
                .aspectRatio(text(in, KlingConstants.ASPECT_RATIO, config.getAspectRatio()))
                .generateAudio(config.getGenerateAudio())
                .negativePrompt(text(in, KlingConstants.NEGATIVE_PROMPT, config.getNegativePrompt()))
                .cfgScale(config.getCfgScale()).image(image).imageUrl(imageUrl).lastFrame(lastFrame)
                .lastFrameUrl(lastFrameUrl).endpointId(text(in, KlingConstants.ENDPOINT_ID, config.getEndpointId()))
                .build();
    }

    /** Checks a request against the model's rules and the provider's endpoints; returns it. */
    KlingRequest checked(KlingRequest r) {
        if (r.mode() == null || !Set.of("std", "pro").contains(r.mode())) {
            throw VideoRequestInvalidException.notAllowed("mode", r.mode(), "std, pro");
        }
        rules.check(r.model(), "mode", r.mode());
        rules.check(r.model(), "duration", r.duration());
        if (r.kind() == KlingRequest.Kind.TEXT_TO_VIDEO) {
            rules.check(r.model(), "aspectRatio", r.aspectRatio());
        }
        KlingConfiguration.checkCfgScale(r.cfgScale());
        endpointCheck.apply(r);
        return r;
    }

    /** The estimate of a request: the model's price for its mode, with sound or without. */
    CostEstimate estimate(KlingRequest r, PriceTable prices) {
        boolean audio = r.generateAudio() != null ? r.generateAudio()
                : rules.allowed(r.model(), "defaultGenerateAudio").map(v -> v.contains("true")).orElse(false);
        return prices.estimate(r.model(), r.mode() + (audio ? "-audio" : ""), r.seconds()).orElse(null);
    }

    /** The duration from the header or the option: a whole number of seconds, kept as the string Kling takes. */
    private String duration(Message in, String model) {
        String value = text(in, KlingConstants.DURATION, config.getDuration());
        if (value == null) {
            return null;
        }
        String allowed = rules.allowed(model, "duration").map(v -> String.join(", ", v))
                .orElse("a whole number of seconds, such as \"5\"");
        try {
            if (Integer.parseInt(value) <= 0) {
                throw VideoRequestInvalidException.notAllowed("duration", value, allowed);
            }
        } catch (NumberFormatException e) {
            throw VideoRequestInvalidException.notAllowed("duration", value, allowed);
        }
        return value;
    }

    private static String url(Message in, String header, String field) {
        String url = in.getHeader(header, String.class);
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim().toLowerCase();
        if (!(u.startsWith("https://") || u.startsWith("http://") || u.startsWith("data:image/"))) {
            throw VideoRequestInvalidException.notAllowed(field, url.length() > 60 ? url.substring(0, 60) + "..."
                    : url, "an http(s) URL or a data:image/... base64 URL");
        }
        return url.trim();
    }

    private static String text(Message in, String header, String option) {
        String value = in.getHeader(header, option, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
