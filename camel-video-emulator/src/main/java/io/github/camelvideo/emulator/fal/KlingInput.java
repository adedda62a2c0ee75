package io.github.camelvideo.emulator.fal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvideo.emulator.core.MediaTypes;

/**
 * The input of a Kling endpoint on fal, checked as fal's schemas describe it (provider-apis §4.3 and its December
 * update): {@code prompt} or {@code multi_prompt}, {@code duration} as a string enum ({@code "3"}...{@code "15"} on
 * v3 and O3, {@code "5"}/{@code "10"} before), {@code aspect_ratio} on text-to-video, {@code cfg_scale} 0 to 1, and
 * the image fields of each endpoint group ({@code start_image_url}/{@code end_image_url} on v3 and v2.6,
 * {@code image_url}/{@code tail_image_url} on Turbo, v2.1 and v2.5). Images are URLs or base64 data URIs; a data
 * URI's picture decides the video's shape, as the real image does.
 *
 * @param width the video's width
 * @param height the video's height
 * @param seconds the video's length
 * @param prompt the prompt (the first shot's for a multi-prompt request)
 * @param problems what fal's validation would refuse, as model error items; empty when valid
 */
record KlingInput(int width, int height, int seconds, String prompt, List<Map<String, Object>> problems)
        implements FalInput {

    private static final Set<String> ASPECT_RATIOS = Set.of("16:9", "9:16", "1:1");

    /** Reads and checks a request body for an endpoint id such as {@code fal-ai/kling-video/v3/pro/text-to-video}. */
    static KlingInput check(String endpointId, JsonNode input) {
        List<Map<String, Object>> problems = new ArrayList<>();
        String version = segment(endpointId, 2);
        boolean newest = version.startsWith("v3") || version.startsWith("o3") || version.startsWith("o1");
        boolean imageToVideo = endpointId.endsWith("image-to-video");
        String prompt = prompt(input, newest, problems);
        int seconds = duration(input, newest, problems);
        if (input.has("cfg_scale") && !(input.get("cfg_scale").isNumber() && input.get("cfg_scale").asDouble() >= 0
                && input.get("cfg_scale").asDouble() <= 1)) {
            problems.add(FalError.item("cfg_scale", "Input should be a number from 0 to 1", "value_error"));
        }
        if (input.has("generate_audio") && !input.get("generate_audio").isBoolean()) {
            problems.add(FalError.item("generate_audio", "Input should be a valid boolean", "bool_type"));
        }
        int[] shape = imageToVideo ? imageShape(endpointId, input, problems) : aspectRatio(input, problems);
        int[] size = size(endpointId, shape[0], shape[1]);
        return new KlingInput(size[0], size[1], seconds, prompt, List.copyOf(problems));
    }

    private static String prompt(JsonNode input, boolean multiShot, List<Map<String, Object>> problems) {
        JsonNode prompt = input.get("prompt");
        JsonNode shots = input.get("multi_prompt");
        if (multiShot && shots != null && !shots.isNull()) {
            if (prompt != null && !prompt.isNull()) {
                problems.add(FalError.item("multi_prompt", "Provide either prompt or multi_prompt, not both",
                        "value_error"));
            }
            return shots.path(0).path("prompt").asText("");
        }
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            problems.add(FalError.item("prompt", "Field required", "missing"));
            return "";
        }
        return prompt.asText();
    }

    private static int duration(JsonNode input, boolean newest, List<Map<String, Object>> problems) {
        JsonNode d = input.get("duration");
        if (d == null || d.isNull()) {
            return 5;
        }
        List<String> allowed = newest ? List.of("3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15")
                : List.of("5", "10");
        if (!d.isTextual() || !allowed.contains(d.asText())) {
            problems.add(FalError.item("duration", "Input should be " + String.join(", ", allowed.stream()
                    .map(v -> "'" + v + "'").toList()), "literal_error"));
            return 5;
        }
        return Integer.parseInt(d.asText());
    }

    private static int[] aspectRatio(JsonNode input, List<Map<String, Object>> problems) {
        JsonNode a = input.get("aspect_ratio");
        String ratio = a == null || a.isNull() ? "16:9" : a.asText();
        if (!ASPECT_RATIOS.contains(ratio)) {
            problems.add(FalError.item("aspect_ratio", "Input should be '16:9', '9:16' or '1:1'", "literal_error"));
            ratio = "16:9";
        }
        return switch (ratio) {
            case "9:16" -> new int[] {9, 16};
            case "1:1" -> new int[] {1, 1};
            default -> new int[] {16, 9};
        };
    }

    /** The image fields of the endpoint group; the first frame's picture gives the video's shape. */
    private static int[] imageShape(String endpointId, JsonNode input, List<Map<String, Object>> problems) {
        boolean startEnd = endpointId.contains("/v3/") && !endpointId.contains("/turbo/")
                || endpointId.contains("/v2.6/") || endpointId.contains("/o3/");
        String first = startEnd ? "start_image_url" : "image_url";
        String last = startEnd ? "end_image_url" : "tail_image_url";
        JsonNode image = input.get(first);
        if (image == null || !image.isTextual()) {
            problems.add(FalError.item(first, "Field required", "missing"));
            return new int[] {16, 9};
        }
        int[] shape = picture(first, image.asText(), problems);
        if (input.has(last) && !input.get(last).isNull()) {
            picture(last, input.get(last).asText(), problems);
        }
        return shape;
    }

    static int[] picture(String field, String url, List<Map<String, Object>> problems) {
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return new int[] {16, 9}; // not fetched offline: the usual landscape frame
        }
        int comma = url.indexOf(',');
        if (!url.startsWith("data:image/") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            problems.add(FalError.item(field, "Input should be a valid URL or a base64 data URI",
                    "url_parsing"));
            return new int[] {16, 9};
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(url.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            problems.add(FalError.item(field, "The data URI is not valid base64", "image_load_error"));
            return new int[] {16, 9};
        }
        if (MediaTypes.imageType(bytes) == null) {
            problems.add(FalError.item(field, "Failed to load the image: not a JPEG, PNG or WebP file",
                    "image_load_error"));
            return new int[] {16, 9};
        }
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
            if (picture != null) {
                return shapeOf(picture.getWidth(), picture.getHeight());
            }
        } catch (IOException ignored) {
            // a WebP or an unusual file: ImageIO cannot read it, fal can
        }
        return new int[] {16, 9};
    }

    private static int[] shapeOf(int width, int height) {
        if (width == height) {
            return new int[] {1, 1};
        }
        return width > height ? new int[] {16, 9} : new int[] {9, 16};
    }

    /** Standard tiers make 720p, Pro and Master 1080p, 4K endpoints 2160p. */
    private static int[] size(String endpointId, int w, int h) {
        int shortSide = endpointId.contains("/4k/") ? 2160 : endpointId.contains("/standard/") ? 720 : 1080;
        int longSide = shortSide * 16 / 9;
        if (w == h) {
            return new int[] {shortSide, shortSide};
        }
        return w > h ? new int[] {longSide, shortSide} : new int[] {shortSide, longSide};
    }

    private static String segment(String endpointId, int index) {
        String[] parts = endpointId.split("/");
        return parts.length > index ? parts[index] : "";
    }
}
