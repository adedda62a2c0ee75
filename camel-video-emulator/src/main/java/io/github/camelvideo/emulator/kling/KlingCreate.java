package io.github.camelvideo.emulator.kling;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a create call, checked as Kling's reference describes it: {@code model_name}; {@code prompt} (may be
 * empty in multi-shot mode); {@code duration} a string {@code "3"}..{@code "15"}; {@code mode} std (720p) or pro
 * (1080p); {@code aspect_ratio} on text2video and omni-video; {@code image} (URL or raw base64, no {@code data:}
 * prefix) and optional {@code image_tail} on image2video, whose picture gives the video's shape; {@code video_list}
 * naming the video an omni-video task continues; {@code multi_shot} with {@code multi_prompt[{index, prompt,
 * duration}]}, 1 to 6 shots summing to the task's length. A refusal is a {@link KlingError} 1201.
 *
 * @param width      the video's width
 * @param height     the video's height
 * @param seconds    the video's length (the sum of the shots of a multi-shot task)
 * @param model      {@code model_name}
 * @param shots      the number of shots, 0 for a single-shot task
 * @param externalId {@code external_task_id}, or {@code null}
 * @param callback   {@code callback_url}, or {@code null}
 */
record KlingCreate(int width, int height, int seconds, String model, int shots, String externalId, String callback) {

    private static final Set<String> PATHS = Set.of("text2video", "image2video", "omni-video");

    static boolean known(String path) {
        return PATHS.contains(path);
    }

    static KlingCreate check(String path, JsonNode body) {
        String model = text(body, "model_name");
        if (model == null || model.isBlank()) {
            throw invalid("model_name is required");
        }
        boolean multi = body.path("multi_shot").asBoolean(false);
        int seconds = duration(body.get("duration"), "duration", 5);
        int shots = 0;
        if (multi) {
            JsonNode list = body.path("multi_prompt");
            if (!list.isArray() || list.isEmpty() || list.size() > 6) {
                throw invalid("multi_prompt must hold 1 to 6 shots when multi_shot is true");
            }
            int sum = 0;
            for (JsonNode shot : list) {
                if (!shot.path("prompt").isTextual() || shot.path("prompt").asText().length() > 512) {
                    throw invalid("multi_prompt[].prompt is required, at most 512 characters");
                }
                sum += duration(shot.get("duration"), "multi_prompt[].duration", -1);
            }
            if (sum > 15 || body.has("duration") && sum != seconds) {
                throw invalid("the durations of multi_prompt must sum to duration (at most 15), not " + sum);
            }
            seconds = sum;
            shots = list.size();
        } else if (!"omni-video".equals(path) && (text(body, "prompt") == null || text(body, "prompt").isBlank())
                   && !"image2video".equals(path)) {
            throw invalid("prompt is required");
        }
        String mode = body.has("mode") ? body.path("mode").asText() : "std";
        if (!mode.equals("std") && !mode.equals("pro")) {
            throw invalid("mode must be std or pro, not " + mode);
        }
        int[] shape = switch (path) {
            case "image2video" -> picture(body);
            case "omni-video" -> omni(body);
            default -> ratio(body);
        };
        int shortSide = mode.equals("pro") ? 1080 : 720;
        int longSide = shortSide * 16 / 9;
        int w = shape[0] == shape[1] ? shortSide : shape[0] > shape[1] ? longSide : shortSide;
        int h = shape[0] == shape[1] ? shortSide : shape[0] > shape[1] ? shortSide : longSide;
        return new KlingCreate(w, h, seconds, model, shots, text(body, "external_task_id"),
                text(body, "callback_url"));
    }

    private static int duration(JsonNode d, String field, int otherwise) {
        if (d == null || d.isNull()) {
            if (otherwise < 0) {
                throw invalid(field + " is required");
            }
            return otherwise;
        }
        if (!d.isTextual()) {
            throw invalid(field + " must be a string such as \"5\"");
        }
        try {
            int s = Integer.parseInt(d.asText());
            if (s >= 1 && s <= 15) {
                return s;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(field + " must be \"3\" to \"15\" (shots from \"1\"), not " + d.asText());
    }

    private static int[] ratio(JsonNode body) {
        String ratio = body.has("aspect_ratio") ? body.path("aspect_ratio").asText() : "16:9";
        return switch (ratio) {
            case "16:9" -> new int[] {16, 9};
            case "9:16" -> new int[] {9, 16};
            case "1:1" -> new int[] {1, 1};
            default -> throw invalid("aspect_ratio must be 16:9, 9:16 or 1:1, not " + ratio);
        };
    }

    private static int[] omni(JsonNode body) {
        JsonNode videos = body.path("video_list");
        if (videos.isArray() && !videos.isEmpty() && !videos.path(0).path("video_url").isTextual()) {
            throw invalid("video_list[].video_url is required");
        }
        return ratio(body);
    }

    private static int[] picture(JsonNode body) {
        String image = text(body, "image");
        if (image == null || image.isBlank()) {
            throw invalid("image is required");
        }
        int[] shape = shapeOf(image, "image");
        if (body.has("image_tail")) {
            shapeOf(text(body, "image_tail"), "image_tail");
        }
        return shape;
    }

    private static int[] shapeOf(String image, String field) {
        if (image == null || image.startsWith("data:")) {
            throw invalid(field + " must be a URL or raw base64 without a data: prefix");
        }
        if (image.startsWith("http://") || image.startsWith("https://")) {
            return new int[] {16, 9}; // not fetched offline: the usual landscape frame
        }
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image)));
            if (picture == null) {
                throw invalid(field + " is not a JPG or PNG picture");
            }
            int w = picture.getWidth();
            int h = picture.getHeight();
            return w == h ? new int[] {1, 1} : w > h ? new int[] {16, 9} : new int[] {9, 16};
        } catch (IllegalArgumentException | IOException e) {
            throw invalid(field + " is not valid base64 of a JPG or PNG picture");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static KlingError invalid(String message) {
        return new KlingError(1201, "Invalid request parameters: " + message);
    }
}
