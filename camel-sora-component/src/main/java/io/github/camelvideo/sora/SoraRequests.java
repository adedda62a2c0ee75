package io.github.camelvideo.sora;

import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camelvideo.core.camel.MessageInputs;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.sora.kie.KieSoraModels;
import io.github.camelvideo.sora.kie.KieSoraProvider;
import io.github.camelvideo.sora.openai.SoraRequest;

/**
 * Builds create requests from a message and the endpoint options, and checks them before anything is sent: every
 * error names the field, the value given and what is allowed.
 */
final class SoraRequests {

    static final int MAX_PROMPT_LENGTH = 32_000;
    /** Kie's watermark remover takes share links up to this long. */
    static final int MAX_SHARE_LINK_LENGTH = 500;
    private static final String SHARE_HOST = "sora.chatgpt.com";
    private static final Pattern SIZE = Pattern.compile("\\d{2,5}x\\d{2,5}");
    /** The size the OpenAI Videos API makes when none is given. */
    static final String DEFAULT_SIZE = "720x1280";

    private final SoraConfiguration config;
    private final ModelRules rules;
    private final boolean kie;

    /** @param rules the allowed values with the provider the options name ({@link SoraProviders#rulesOf}) */
    SoraRequests(SoraConfiguration config, ModelRules rules) {
        this.config = config;
        this.rules = rules;
        this.kie = SoraProviders.KIE.equals(config.getProvider());
    }

    SoraRequest textToVideo(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        return kieOptions(SoraRequest.builder().kind(SoraRequest.Kind.CREATE).prompt(prompt(in, true)).model(model)
                .seconds(seconds(in, model)).size(size(in, model))).build();
    }

    /** Kie's own options of a create: the watermark and where the result is stored. */
    private SoraRequest.Builder kieOptions(SoraRequest.Builder builder) {
        return kie ? builder.removeWatermark(config.getRemoveWatermark()).uploadMethod(config.getUploadMethod())
                : builder;
    }

    /**
     * A copy of a published Sora video without its watermark (provider kie): the share link from the
     * {@link SoraConstants#VIDEO_URL} header or the body, a sora.chatgpt.com https link of at most 500 characters.
     */
    SoraRequest removeWatermark(Exchange exchange) {
        if (!kie) {
            throw new VideoRequestInvalidException("Invalid operation 'removeWatermark' with provider "
                                                   + config.getProvider() + ": only Kie.ai's market removes Sora"
                                                   + " watermarks. Allowed: provider kie", "operation");
        }
        Message in = exchange.getMessage();
        String url = in.getHeader(SoraConstants.VIDEO_URL, String.class);
        if (url == null) {
            url = in.getBody(String.class);
        }
        if (url == null || url.isBlank()) {
            throw new VideoRequestInvalidException("Missing videoUrl: send the sora.chatgpt.com share link as the"
                                                   + " message body or set the " + SoraConstants.VIDEO_URL
                                                   + " header", "videoUrl");
        }
        url = url.trim();
        checkShareLink(url);
        return SoraRequest.builder().kind(SoraRequest.Kind.REMOVE_WATERMARK).videoUrl(url).model(model(in))
                .uploadMethod(config.getUploadMethod()).build();
    }

    private static void checkShareLink(String url) {
        String allowed = "an https://" + SHARE_HOST + "/... share link of at most " + MAX_SHARE_LINK_LENGTH
                         + " characters";
        String shown = url.length() > 60 ? url.substring(0, 60) + "..." : url;
        if (url.length() > MAX_SHARE_LINK_LENGTH) {
            throw VideoRequestInvalidException.notAllowed("videoUrl", shown + " (" + url.length() + " characters)",
                    allowed);
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            if ("https".equals(uri.getScheme()) && SHARE_HOST.equals(uri.getHost())) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw VideoRequestInvalidException.notAllowed("videoUrl", shown, allowed);
    }

    SoraRequest imageToVideo(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        String imageUrl = in.getHeader(SoraConstants.IMAGE_URL, String.class);
        ImageInput image = null;
        if (imageUrl != null) {
            checkImageUrl(imageUrl, kie);
        } else {
            image = ImageInput.of(imageBytes(exchange), "image");
        }
        // with image bytes in the body the prompt can only come from the header
        String prompt = prompt(in, imageUrl != null);
        String size = size(in, model);
        checkImageSize(image, "image", size, model);
        return kieOptions(SoraRequest.builder().kind(SoraRequest.Kind.CREATE).prompt(prompt).model(model)
                .seconds(seconds(in, model)).size(size).image(image).imageUrl(imageUrl)).build();
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
        return new SoraScenes(model, size(in, model), seconds(in, model), rules, prices, !kie);
    }

    /** The default length of a scene that gives none: the seconds of the message or endpoint, else the API's. */
    int sceneSeconds(Exchange exchange) {
        Message in = exchange.getMessage();
        Integer seconds = seconds(in, model(in));
        return seconds != null ? seconds : kie ? KieSoraProvider.DEFAULT_SECONDS : SoraScenes.DEFAULT_SECONDS;
    }

    /** The lengths one storyboard task of the model may have, or {@code null} when not known. */
    java.util.Set<Integer> storyboardSeconds(String model) {
        return rules.numbers(model, "storyboardSeconds");
    }

    static String videoId(Message in) {
        String id = in.getHeader(SoraConstants.VIDEO_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new VideoRequestInvalidException("Missing video id: set the " + SoraConstants.VIDEO_ID
                                                   + " header", "videoId");
        }
        return id.trim();
    }

    private String prompt(Message in, boolean bodyAllowed) {
        return MessageInputs.prompt(in, SoraConstants.PROMPT, bodyAllowed,
                kie ? KieSoraModels.MAX_PROMPT_LENGTH : MAX_PROMPT_LENGTH);
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
        if (kie) {
            return; // Kie takes a first frame of any size and fits the video to it
        }
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

    /** @param publicOnly whether the provider fetches the image itself (Kie: a public URL, no data URL) */
    private static void checkImageUrl(String url, boolean publicOnly) {
        String u = url.trim().toLowerCase();
        boolean web = u.startsWith("https://") || u.startsWith("http://");
        if (!(web || !publicOnly && u.startsWith("data:image/"))) {
            throw VideoRequestInvalidException.notAllowed("imageUrl", url.length() > 60 ? url.substring(0, 60)
                                                                                          + "..." : url,
                    publicOnly ? "a public http(s) URL (provider kie; send image bytes in the body to have them"
                                 + " uploaded)" : "an http(s) URL or a data:image/... base64 URL");
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
