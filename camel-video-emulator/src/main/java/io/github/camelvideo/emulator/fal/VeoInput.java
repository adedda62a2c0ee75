package io.github.camelvideo.emulator.fal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input of a Veo 3.1 endpoint on fal, checked as fal's schemas describe it (provider-apis-2026-12 §2.4):
 * {@code prompt}, {@code duration} as a string with its unit ({@code "4s"}, {@code "6s"}, {@code "8s"}; the extension
 * endpoint makes {@code "7s"}), {@code aspect_ratio} ({@code 16:9}, {@code 9:16}, and {@code auto} where an image
 * gives the shape), {@code resolution} ({@code 720p}, {@code 1080p}, {@code 4k}; extensions 720p only),
 * {@code generate_audio} and {@code auto_fix} booleans, {@code seed} an integer, and the media fields of each endpoint:
 * {@code image_url} (image-to-video), {@code first_frame_url}/{@code last_frame_url} (first-last-frame-to-video),
 * {@code image_urls} (reference-to-video), {@code video_url} (extend-video). Images are URLs or base64 data URIs.
 *
 * @param width the video's width
 * @param height the video's height
 * @param seconds the video's length
 * @param prompt the prompt
 * @param problems what fal's validation would refuse, as model error items; empty when valid
 */
record VeoInput(int width, int height, int seconds, String prompt, List<Map<String, Object>> problems)
        implements FalInput {

    private static final String APP = "fal-ai/veo3.1";
    private static final Set<String> ENDPOINTS = Set.of(APP, APP + "/fast", APP + "/image-to-video",
            APP + "/fast/image-to-video", APP + "/reference-to-video", APP + "/first-last-frame-to-video",
            APP + "/fast/first-last-frame-to-video", APP + "/fast/extend-video");
    private static final Set<String> RESOLUTIONS = Set.of("720p", "1080p", "4k");

    /** Whether the endpoint id is one of fal's Veo 3.1 endpoints. */
    static boolean serves(String endpointId) {
        return ENDPOINTS.contains(endpointId);
    }

    /** Reads and checks a request body for a Veo 3.1 endpoint id such as {@code fal-ai/veo3.1/fast}. */
    static VeoInput check(String endpointId, JsonNode input) {
        List<Map<String, Object>> problems = new ArrayList<>();
        boolean extend = endpointId.endsWith("/extend-video");
        String prompt = text(input, "prompt");
        if (prompt == null || prompt.isBlank()) {
            problems.add(FalError.item("prompt", "Field required", "missing"));
            prompt = "";
        }
        int seconds = duration(input, extend, endpointId.endsWith("/reference-to-video"), problems);
        String resolution = resolution(input, extend, problems);
        for (String flag : List.of("generate_audio", "auto_fix", "enhance_prompt")) {
            if (input.has(flag) && !input.get(flag).isBoolean()) {
                problems.add(FalError.item(flag, "Input should be a valid boolean", "bool_type"));
            }
        }
        if (input.has("seed") && !input.get("seed").isIntegralNumber()) {
            problems.add(FalError.item("seed", "Input should be a valid integer", "int_type"));
        }
        int[] shape = media(endpointId, input, problems);
        int[] size = size(resolution, shape);
        return new VeoInput(size[0], size[1], seconds, prompt, List.copyOf(problems));
    }

    private static int duration(JsonNode input, boolean extend, boolean reference,
                                List<Map<String, Object>> problems) {
        List<String> allowed = extend ? List.of("7s") : reference ? List.of("8s") : List.of("4s", "6s", "8s");
        JsonNode d = input.get("duration");
        if (d == null || d.isNull()) {
            return extend ? 7 : 8;
        }
        if (!d.isTextual() || !allowed.contains(d.asText())) {
            problems.add(FalError.item("duration", "Input should be " + String.join(", ", allowed.stream()
                    .map(v -> "'" + v + "'").toList()), "literal_error"));
            return extend ? 7 : 8;
        }
        return Integer.parseInt(d.asText().substring(0, d.asText().length() - 1));
    }

    private static String resolution(JsonNode input, boolean extend, List<Map<String, Object>> problems) {
        String r = text(input, "resolution");
        if (r == null) {
            return "720p";
        }
        Set<String> allowed = extend ? Set.of("720p") : RESOLUTIONS;
        if (!allowed.contains(r)) {
            problems.add(FalError.item("resolution", extend ? "Input should be '720p'"
                    : "Input should be '720p', '1080p' or '4k'", "literal_error"));
            return "720p";
        }
        return r;
    }

    /** The endpoint's media fields; an image gives the shape when aspect_ratio is auto or absent. */
    private static int[] media(String endpointId, JsonNode input, List<Map<String, Object>> problems) {
        boolean image = endpointId.endsWith("/image-to-video");
        boolean firstLast = endpointId.endsWith("/first-last-frame-to-video");
        boolean reference = endpointId.endsWith("/reference-to-video");
        boolean extend = endpointId.endsWith("/extend-video");
        int[] fromImage = null;
        if (image) {
            fromImage = required(input, "image_url", problems);
        } else if (firstLast) {
            fromImage = required(input, "first_frame_url", problems);
            required(input, "last_frame_url", problems);
        } else if (reference) {
            JsonNode urls = input.get("image_urls");
            if (urls == null || !urls.isArray() || urls.isEmpty()) {
                problems.add(FalError.item("image_urls", "Field required", "missing"));
            } else {
                for (int i = 0; i < urls.size(); i++) {
                    KlingInput.picture("image_urls." + i, urls.get(i).asText(), problems);
                }
            }
        } else if (extend) {
            String video = text(input, "video_url");
            if (video == null || !(video.startsWith("https://") || video.startsWith("http://"))) {
                problems.add(FalError.item("video_url", video == null ? "Field required"
                        : "Input should be a valid URL", video == null ? "missing" : "url_parsing"));
            }
        }
        return aspect(input, fromImage != null || extend, fromImage, problems);
    }

    private static int[] required(JsonNode input, String field, List<Map<String, Object>> problems) {
        String url = text(input, field);
        if (url == null) {
            problems.add(FalError.item(field, "Field required", "missing"));
            return new int[] {16, 9};
        }
        return KlingInput.picture(field, url, problems);
    }

    private static int[] aspect(JsonNode input, boolean autoAllowed, int[] fromImage,
                                List<Map<String, Object>> problems) {
        String ratio = text(input, "aspect_ratio");
        if (ratio == null || "auto".equals(ratio) && autoAllowed) {
            return fromImage != null ? fromImage : new int[] {16, 9};
        }
        return switch (ratio) {
            case "16:9" -> new int[] {16, 9};
            case "9:16" -> new int[] {9, 16};
            default -> {
                problems.add(FalError.item("aspect_ratio", autoAllowed ? "Input should be 'auto', '16:9' or '9:16'"
                        : "Input should be '16:9' or '9:16'", "literal_error"));
                yield new int[] {16, 9};
            }
        };
    }

    /** 720p is 1280x720, 1080p 1920x1080, 4k 3840x2160 (portrait: turned); Veo makes no square video. */
    private static int[] size(String resolution, int[] shape) {
        int shortSide = switch (resolution) {
            case "1080p" -> 1080;
            case "4k" -> 2160;
            default -> 720;
        };
        int longSide = shortSide * 16 / 9;
        return shape[0] >= shape[1] ? new int[] {longSide, shortSide} : new int[] {shortSide, longSide};
    }

    private static String text(JsonNode input, String field) {
        JsonNode v = input.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
