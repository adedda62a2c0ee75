package io.github.camelvideo.sora;

import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camelvideo.core.camel.MessageInputs;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * Builds create requests from a message and the endpoint options, and checks them before anything is sent: every
 * error names the field, the value given and what is allowed.
 */
final class SoraRequests {

    static final int MAX_PROMPT_LENGTH = 32_000;
    private static final Pattern SIZE = Pattern.compile("\\d{2,5}x\\d{2,5}");
    /** The size the OpenAI Videos API makes when none is given. */
    static final String DEFAULT_SIZE = "720x1280";

    private final SoraConfiguration config;
    private final ModelRules rules;

    SoraRequests(SoraConfiguration config, ModelRules rules) {
        this.config = config;
        this.rules = rules;
    }

    SoraRequest textToVideo(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        return SoraRequest.builder().kind(SoraRequest.Kind.CREATE).prompt(prompt(in, true)).model(model)
                .seconds(seconds(in, model)).size(size(in, model)).build();
    }

    SoraRequest imageToVideo(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        String imageUrl = in.getHeader(SoraConstants.IMAGE_URL, String.class);
        ImageInput image = null;
        if (imageUrl != null) {
            checkImageUrl(imageUrl);
        } else {
            image = ImageInput.of(imageBytes(exchange), "image");
        }
        // with image bytes in the body the prompt can only come from the header
        String prompt = prompt(in, imageUrl != null);
        String size = size(in, model);
        checkImageSize(image, "image", size, model);
        return SoraRequest.builder().kind(SoraRequest.Kind.CREATE).prompt(prompt).model(model)
                .seconds(seconds(in, model)).size(size).image(image).imageUrl(imageUrl).build();
    }

    SoraRequest remix(Exchange exchange) {
        Message in = exchange.getMessage();
        return SoraRequest.builder().kind(SoraRequest.Kind.REMIX).prompt(prompt(in, true))
                .sourceVideoId(videoId(in)).build();
    }

    SoraRequest extend(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        return SoraRequest.builder().kind(SoraRequest.Kind.EXTEND).prompt(prompt(in, true)).model(model)
                .seconds(seconds(in, model)).sourceVideoId(videoId(in)).build();
    }

    /** How the scenes of a storyboard become requests, with the model, size and default length of the message. */
    SoraScenes scenes(Exchange exchange, PriceTable prices) {
        Message in = exchange.getMessage();
        String model = model(in);
        return new SoraScenes(model, size(in, model), seconds(in, model), rules, prices);
    }

    static String videoId(Message in) {
        String id = in.getHeader(SoraConstants.VIDEO_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new VideoRequestInvalidException("Missing video id: set the " + SoraConstants.VIDEO_ID
                                                   + " header", "videoId");
        }
        return id.trim();
    }

    private static String prompt(Message in, boolean bodyAllowed) {
        return MessageInputs.prompt(in, SoraConstants.PROMPT, bodyAllowed, MAX_PROMPT_LENGTH);
    }

    private String model(Message in) {
        return MessageInputs.required(in, SoraConstants.MODEL, config.getModel(), "model", "model");
    }

    private Integer seconds(Message in, String model) {
        Integer seconds = MessageInputs.wholeNumber(in, SoraConstants.SECONDS, config.getSeconds(), "seconds",
                rules.allowed(model, "seconds").map(Object::toString).orElse("a whole number"));
        if (seconds != null && seconds <= 0) {
            throw VideoRequestInvalidException.notAllowed("seconds", seconds, "a positive whole number");
        }
        rules.check(model, "seconds", seconds);
        return seconds;
    }

    private String size(Message in, String model) {
        String size = in.getHeader(SoraConstants.SIZE, config.getSize(), String.class);
        if (size == null) {
            return null;
        }
        size = size.trim();
        if (!SIZE.matcher(size).matches()) {
            throw VideoRequestInvalidException.notAllowed("size", size,
                    rules.allowed(model, "size").map(Object::toString).orElse("WIDTHxHEIGHT, such as 1280x720"));
        }
        rules.check(model, "size", size);
        return size;
    }

    /**
     * The OpenAI Videos API requires a first-frame image of exactly the video's size. Without a size option the API's
     * default applies, which is known for the documented model families only; for another model the server judges.
     *
     * @param size the requested size, or {@code null} for the server's default
     */
    void checkImageSize(ImageInput image, String field, String size, String model) {
        boolean defaultKnown = rules.familyOf(model).isPresent();
        String expected = size != null ? size : defaultKnown ? DEFAULT_SIZE : null;
        if (image == null || expected == null || expected.equals(image.size())) {
            return;
        }
        throw new VideoRequestInvalidException("Invalid " + field + ": a " + image.size() + " image for a "
                                               + expected + " video" + (size == null ? " (the API's default size)"
                                                       : "")
                                               + ". Allowed: an image of exactly " + expected + " pixels, as the"
                                               + " OpenAI Videos API requires the input_reference to match the"
                                               + " requested size; resize the image or set the size option or the "
                                               + SoraConstants.SIZE + " header", field);
    }

    private static void checkImageUrl(String url) {
        String u = url.trim().toLowerCase();
        if (!(u.startsWith("https://") || u.startsWith("http://") || u.startsWith("data:image/"))) {
            throw VideoRequestInvalidException.notAllowed("imageUrl", url.length() > 60 ? url.substring(0, 60)
                                                                                          + "..." : url,
                    "an http(s) URL or a data:image/... base64 URL");
        }
    }

    private static byte[] imageBytes(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new VideoRequestInvalidException("Missing image: send the image as the message body ("
                                                   + MessageInputs.MEDIA_TYPES + ") or set the "
                                                   + SoraConstants.IMAGE_URL + " header", "image");
        }
        return MessageInputs.bytes(body, "image", "the " + SoraConstants.IMAGE_URL + " header");
    }
}
