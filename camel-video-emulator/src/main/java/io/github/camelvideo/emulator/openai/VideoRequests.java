package io.github.camelvideo.emulator.openai;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.MediaTypes;
import io.github.camelvideo.emulator.media.Footage;

/**
 * Validation of the create, remix and extension request bodies, following the documented
 * rules of the Videos API (see {@code provider-apis.md} section 1.2).
 */
final class VideoRequests {

    static final List<String> MODELS =
            List.of("sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08");
    static final List<String> SECONDS = List.of("4", "8", "12", "16", "20");
    static final List<String> STANDARD_SIZES = List.of("720x1280", "1280x720");
    static final List<String> PRO_SIZES =
            List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1920x1080", "1080x1920");

    static final String DEFAULT_MODEL = "sora-2";
    static final String DEFAULT_SECONDS = "4";
    static final String DEFAULT_SIZE = "720x1280";
    static final int MAX_PROMPT = 32_000;
    static final int MAX_IMAGE_URL = 20_971_520;
    /** Documented limits of extensions: total length and number of extensions of one video. */
    static final int MAX_EXTENDED_SECONDS = 120;
    static final int MAX_EXTENSIONS = 6;

    private static final Set<String> CREATE_FIELDS = Set.of("prompt", "model", "seconds", "size", "input_reference",
            "characters");
    private static final Set<String> REMIX_FIELDS = Set.of("prompt");
    private static final Set<String> EXTENSION_FIELDS = Set.of("prompt", "seconds", "video");

    /** A validated create request. */
    record Create(String prompt, String model, int seconds, String size) {

        /** The video it renders: {@code size} is {@code WIDTHxHEIGHT}. */
        Footage footage() {
            int x = size.indexOf('x');
            return Footage.fresh(Integer.parseInt(size.substring(0, x)), Integer.parseInt(size.substring(x + 1)), seconds);
        }
    }

    /** A validated extension request. */
    record Extension(String prompt, int seconds, String videoId) {
    }

    private VideoRequests() {
    }

    static Create create(RequestForm form) {
        form.rejectUnknown(CREATE_FIELDS);
        String prompt = prompt(form);
        String model = orDefault(form.optionalString("model"), DEFAULT_MODEL);
        if (!MODELS.contains(model)) {
            throw ApiException.invalidValue("model", model, MODELS);
        }
        int seconds = seconds(form);
        String size = orDefault(form.optionalString("size"), DEFAULT_SIZE);
        List<String> sizes = model.startsWith("sora-2-pro") ? PRO_SIZES : STANDARD_SIZES;
        if (!sizes.contains(size)) {
            throw ApiException.invalidValue("size", size, sizes);
        }
        inputReference(form);
        characters(form);
        return new Create(prompt, model, seconds, size);
    }

    static String remix(RequestForm form) {
        form.rejectUnknown(REMIX_FIELDS);
        return prompt(form);
    }

    static Extension extension(RequestForm form) {
        form.rejectUnknown(EXTENSION_FIELDS);
        String prompt = prompt(form);
        int seconds = seconds(form);
        if (form.file("video") != null) {
            throw ApiException.invalidRequest("The emulator cannot extend an uploaded video; pass the id of a completed"
                    + " video as {\"id\": \"video_...\"}.", "video", "invalid_value");
        }
        JsonNode video = form.node("video");
        if (video == null) {
            throw ApiException.missing("video");
        }
        String id;
        if (video.isTextual()) {
            id = video.textValue(); // multipart: the id as a plain text field
        } else if (video.isObject() && video.path("id").isTextual()) {
            id = video.get("id").textValue();
        } else if (video.isObject()) {
            throw ApiException.missing("video.id");
        } else {
            throw ApiException.invalidType("video", "an object", RequestForm.describe(video));
        }
        return new Extension(prompt, seconds, id);
    }

    private static String prompt(RequestForm form) {
        String prompt = form.requiredString("prompt");
        int length = prompt.codePointCount(0, prompt.length());
        if (length < 1) {
            throw ApiException.invalidRequest("Invalid 'prompt': string too short. Expected a string with minimum length 1,"
                    + " but got an empty string instead.", "prompt", "empty_string");
        }
        if (length > MAX_PROMPT) {
            throw ApiException.invalidRequest("Invalid 'prompt': string too long. Expected a string with maximum length "
                    + MAX_PROMPT + ", but got a string with length " + length + " instead.", "prompt",
                    "string_above_max_length");
        }
        return prompt;
    }

    private static int seconds(RequestForm form) {
        String seconds = orDefault(form.optionalString("seconds"), DEFAULT_SECONDS);
        if (!SECONDS.contains(seconds)) {
            throw ApiException.invalidValue("seconds", seconds, SECONDS);
        }
        return Integer.parseInt(seconds);
    }

    /** Checks {@code input_reference}: an uploaded image, or exactly one of image_url / file_id. */
    private static void inputReference(RequestForm form) {
        Multipart.Part file = form.file("input_reference");
        if (file != null) {
            requireImage(file.data(), "input_reference");
            return;
        }
        JsonNode ref = form.node("input_reference");
        if (ref == null) {
            return;
        }
        if (!ref.isObject()) {
            throw ApiException.invalidType("input_reference", "an object", RequestForm.describe(ref));
        }
        boolean hasUrl = ref.has("image_url");
        boolean hasFile = ref.has("file_id");
        ref.fieldNames().forEachRemaining(name -> {
            if (!name.equals("image_url") && !name.equals("file_id")) {
                throw ApiException.unknownParameter("input_reference." + name);
            }
        });
        if (hasUrl == hasFile) {
            throw ApiException.invalidRequest("Invalid 'input_reference': provide exactly one of 'image_url' or 'file_id'.",
                    "input_reference", "invalid_value");
        }
        String param = hasUrl ? "input_reference.image_url" : "input_reference.file_id";
        JsonNode value = ref.get(hasUrl ? "image_url" : "file_id");
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw ApiException.invalidType(param, "a non-empty string", RequestForm.describe(value));
        }
        if (hasUrl) {
            imageUrl(value.textValue(), param);
        }
    }

    private static void imageUrl(String url, String param) {
        if (url.length() > MAX_IMAGE_URL) {
            throw ApiException.invalidRequest("Invalid '" + param + "': string too long. Expected a string with maximum"
                    + " length " + MAX_IMAGE_URL + ", but got a string with length " + url.length() + " instead.", param,
                    "string_above_max_length");
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return; // cannot be fetched offline; accepted as the real API would accept a reachable URL
        }
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(url.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidRequest("Invalid '" + param + "': the data URL is not valid base64.", param,
                        "invalid_value");
            }
            requireImage(bytes, param);
            return;
        }
        throw ApiException.invalidRequest("Invalid '" + param + "': expected an https URL or a base64 data URL.", param,
                "invalid_value");
    }

    /** Accepts JPEG, PNG or WebP, judged by the bytes rather than any declared type. */
    static void requireImage(byte[] data, String param) {
        if (MediaTypes.imageType(data) == null) {
            throw ApiException.invalidRequest("Invalid file format for '" + param + "'. Supported formats are: 'image/jpeg',"
                    + " 'image/png', and 'image/webp'.", param, "invalid_value");
        }
    }

    private static void characters(RequestForm form) {
        JsonNode characters = form.node("characters");
        if (characters == null) {
            return;
        }
        if (!characters.isArray()) {
            throw ApiException.invalidType("characters", "an array", RequestForm.describe(characters));
        }
        if (characters.size() > 2) {
            throw ApiException.invalidRequest("Invalid 'characters': array too long. Expected an array with maximum length"
                    + " 2, but got an array with length " + characters.size() + " instead.", "characters",
                    "array_above_max_length");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
