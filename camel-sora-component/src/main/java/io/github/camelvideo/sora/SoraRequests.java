package io.github.camelvideo.sora;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

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

    private final SoraConfiguration config;
    private final ModelRules rules;

    SoraRequests(SoraConfiguration config, ModelRules rules) {
        this.config = config;
        this.rules = rules;
    }

    SoraRequest textToVideo(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        return new SoraRequest(SoraRequest.Kind.CREATE, prompt(in, true), model, seconds(in, model), size(in, model),
                null, null, null);
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
        return new SoraRequest(SoraRequest.Kind.CREATE, prompt, model, seconds(in, model), size(in, model), image,
                imageUrl, null);
    }

    SoraRequest remix(Exchange exchange) {
        Message in = exchange.getMessage();
        return new SoraRequest(SoraRequest.Kind.REMIX, prompt(in, true), null, null, null, null, null,
                videoId(in));
    }

    SoraRequest extend(Exchange exchange) {
        Message in = exchange.getMessage();
        String model = model(in);
        return new SoraRequest(SoraRequest.Kind.EXTEND, prompt(in, true), model, seconds(in, model), null, null,
                null, videoId(in));
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
        String prompt = in.getHeader(SoraConstants.PROMPT, String.class);
        if (prompt == null && bodyAllowed && in.getBody() instanceof String body) {
            prompt = body;
        }
        if (prompt == null || prompt.isBlank()) {
            throw new VideoRequestInvalidException("Missing prompt: set the " + SoraConstants.PROMPT + " header"
                                                   + (bodyAllowed ? " or a text message body" : ""),
                    "prompt");
        }
        if (prompt.length() > MAX_PROMPT_LENGTH) {
            throw new VideoRequestInvalidException("Invalid prompt: " + prompt.length()
                                                   + " characters. Allowed: 1 to " + MAX_PROMPT_LENGTH, "prompt");
        }
        return prompt;
    }

    private String model(Message in) {
        String model = in.getHeader(SoraConstants.MODEL, config.getModel(), String.class);
        if (model == null || model.isBlank()) {
            throw new VideoRequestInvalidException("Missing model: set the model option or the "
                                                   + SoraConstants.MODEL + " header", "model");
        }
        return model.trim();
    }

    private Integer seconds(Message in, String model) {
        Object raw = in.getHeader(SoraConstants.SECONDS);
        Integer seconds = config.getSeconds();
        if (raw != null) {
            try {
                seconds = Integer.valueOf(raw.toString().trim());
            } catch (NumberFormatException e) {
                throw VideoRequestInvalidException.notAllowed("seconds", raw,
                        rules.allowed(model, "seconds").map(Object::toString).orElse("a whole number"));
            }
        }
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
            throw new VideoRequestInvalidException("Missing image: send the image as the message body (byte[], File,"
                                                   + " Path or InputStream) or set the "
                                                   + SoraConstants.IMAGE_URL + " header", "image");
        }
        try {
            if (body instanceof Path path) {
                return Files.readAllBytes(path);
            }
            if (body instanceof File file) {
                return Files.readAllBytes(file.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image " + body + ": " + e.getMessage(), e);
        }
        if (body instanceof String) {
            throw new VideoRequestInvalidException("Invalid image: the body is text. Send image bytes (byte[], File,"
                                                   + " Path or InputStream) or set the "
                                                   + SoraConstants.IMAGE_URL + " header", "image");
        }
        byte[] bytes = exchange.getMessage().getBody(byte[].class);
        if (bytes == null) {
            throw VideoRequestInvalidException.notAllowed("image", body.getClass().getName(),
                    "byte[], File, Path or InputStream");
        }
        return bytes;
    }
}
