package io.github.camelvideo.emulator.kie;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A checked {@code POST /api/v1/veo/generate} body, as docs.kie.ai's Veo 3.1 page describes it: {@code prompt}
 * (required), {@code model} ({@code veo3}, {@code veo3_fast} the default, {@code veo3_lite}), {@code imageUrls},
 * {@code generationType} ({@code TEXT_2_VIDEO}; {@code FIRST_AND_LAST_FRAMES_2_VIDEO} with 1 or 2 images;
 * {@code REFERENCE_2_VIDEO} with 1 to 3 images, Fast and Lite only), the ratio ({@code 16:9}, {@code 9:16} or
 * {@code Auto}, spelt {@code aspect_ratio} or {@code aspectRatio}: copies of the docs differ, so both are read),
 * {@code seeds} (10000 to 99999), {@code watermark}, {@code enableTranslation}. Videos are 8 seconds at 720p.
 *
 * @param model          the model
 * @param generationType the generation type
 * @param ratio          the ratio as given, {@code 16:9} by default
 * @param imageUrls      the images
 * @param problems       what is wrong, empty when the body is valid
 */
record KieVeoInput(String model, String generationType, String ratio, List<String> imageUrls, List<String> problems) {

    static final Set<String> MODELS = Set.of("veo3", "veo3_fast", "veo3_lite");
    static final Set<String> RATIOS = Set.of("16:9", "9:16", "Auto");
    /** Every Veo 3.1 video Kie makes is 8 seconds long. */
    static final int SECONDS = 8;

    /** Whether the video is landscape (Auto is taken as 16:9). */
    boolean landscape() {
        return !"9:16".equals(ratio);
    }

    static KieVeoInput check(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body.path("prompt").asText("").isBlank()) {
            problems.add("prompt is required");
        }
        String model = body.path("model").asText("veo3_fast");
        if (!MODELS.contains(model)) {
            problems.add("model must be one of veo3, veo3_fast, veo3_lite, got '" + model + "'");
        }
        JsonNode ratioField = body.has("aspect_ratio") ? body.path("aspect_ratio") : body.path("aspectRatio");
        String ratio = ratioField.asText("16:9");
        if (!RATIOS.contains(ratio)) {
            problems.add("Ratio error: aspect_ratio must be 16:9, 9:16 or Auto, got '" + ratio + "'");
        }
        List<String> images = images(body.path("imageUrls"), problems);
        String type = body.path("generationType").asText(images.isEmpty() ? "TEXT_2_VIDEO"
                : "FIRST_AND_LAST_FRAMES_2_VIDEO");
        checkType(type, model, images.size(), problems);
        checkSeeds(body.path("seeds"), problems);
        if (body.has("enableTranslation") && !body.path("enableTranslation").isBoolean()) {
            problems.add("enableTranslation must be a boolean");
        }
        return new KieVeoInput(model, type, ratio, images, problems);
    }

    private static void checkType(String type, String model, int images, List<String> problems) {
        switch (type) {
            case "TEXT_2_VIDEO" -> {
                if (images > 0) {
                    problems.add("TEXT_2_VIDEO takes no imageUrls");
                }
            }
            case "FIRST_AND_LAST_FRAMES_2_VIDEO" -> {
                if (images < 1 || images > 2) {
                    problems.add("FIRST_AND_LAST_FRAMES_2_VIDEO takes 1 or 2 imageUrls, got " + images);
                }
            }
            case "REFERENCE_2_VIDEO" -> {
                if (images < 1 || images > 3) {
                    problems.add("REFERENCE_2_VIDEO takes 1 to 3 imageUrls, got " + images);
                }
                if ("veo3".equals(model)) {
                    problems.add("REFERENCE_2_VIDEO is supported by veo3_fast and veo3_lite only");
                }
            }
            default -> problems.add("generationType must be TEXT_2_VIDEO, FIRST_AND_LAST_FRAMES_2_VIDEO or"
                                    + " REFERENCE_2_VIDEO, got '" + type + "'");
        }
    }

    static void checkSeeds(JsonNode seeds, List<String> problems) {
        if (seeds.isMissingNode() || seeds.isNull()) {
            return;
        }
        if (!seeds.canConvertToLong() || !seeds.isIntegralNumber() || seeds.asLong() < 10_000
            || seeds.asLong() > 99_999) {
            problems.add("seeds must be a whole number from 10000 to 99999, got " + seeds);
        }
    }

    private static List<String> images(JsonNode urls, List<String> problems) {
        List<String> images = new ArrayList<>();
        if (urls.isMissingNode() || urls.isNull()) {
            return images;
        }
        if (!urls.isArray()) {
            problems.add("imageUrls must be an array of URLs");
            return images;
        }
        for (JsonNode url : urls) {
            if (!KieWire.absolute(url.asText(""))) {
                problems.add("imageUrls must hold absolute http or https URLs, got '" + url.asText() + "'");
            }
            images.add(url.asText());
        }
        return images;
    }

}
