package io.github.camelvideo.emulator.kie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code input} of a Kling model on Kie's market, checked as docs.kie.ai's Kling 3.0 page describes it:
 * {@code prompt} (up to 2500 characters), {@code image_urls} (1 or 2 URLs, the first and last frame),
 * {@code duration} a string {@code "3"}...{@code "15"}, {@code aspect_ratio} {@code 16:9}, {@code 9:16} or
 * {@code 1:1}, {@code mode} {@code std} (720p) or {@code pro} (1080p), {@code sound} a boolean.
 *
 * @param width    the video's width
 * @param height   the video's height
 * @param seconds  the video's length
 * @param problems what Kie's validation refuses, one sentence each; empty when valid
 */
record KlingMarketInput(int width, int height, int seconds, List<String> problems) implements MarketInput {

    /** The market models served, with the input fields each accepts. */
    static final Map<String, Set<String>> MODELS = Map.of("kling-3.0/video",
            Set.of("prompt", "image_urls", "duration", "aspect_ratio", "mode", "sound", "multi_shots",
                    "multi_prompt", "kling_elements"));

    private static final int MAX_PROMPT = 2500;
    private static final Set<String> RATIOS = Set.of("16:9", "9:16", "1:1");

    /** Reads and checks the input of a model of {@link #MODELS}. */
    static KlingMarketInput check(String model, JsonNode input) {
        List<String> problems = new ArrayList<>();
        input.fieldNames().forEachRemaining(f -> {
            if (!MODELS.get(model).contains(f)) {
                problems.add("input." + f + " is not a parameter of " + model);
            }
        });
        JsonNode prompt = input.path("prompt");
        boolean multiShot = input.path("multi_shots").asBoolean(false);
        if (!multiShot && (!prompt.isTextual() || prompt.asText().isBlank())) {
            problems.add("input.prompt is required");
        } else if (prompt.isTextual() && prompt.asText().length() > MAX_PROMPT) {
            problems.add("input.prompt must be at most " + MAX_PROMPT + " characters");
        }
        int images = images(input.get("image_urls"), problems);
        int seconds = duration(input.get("duration"), problems);
        String ratio = text(input, "aspect_ratio", "16:9");
        if (!RATIOS.contains(ratio)) {
            problems.add("input.aspect_ratio must be one of 16:9, 9:16, 1:1");
            ratio = "16:9";
        }
        String mode = text(input, "mode", "std");
        if (!mode.equals("std") && !mode.equals("pro")) {
            problems.add("input.mode must be std or pro");
            mode = "std";
        }
        if (input.has("sound") && !input.get("sound").isBoolean()) {
            problems.add("input.sound must be a boolean");
        }
        int shortSide = mode.equals("pro") ? 1080 : 720;
        int longSide = shortSide * 16 / 9;
        // with images the ratio adapts to the first frame, which is not fetched here: the usual landscape one
        String shape = images > 0 && !input.has("aspect_ratio") ? "16:9" : ratio;
        return switch (shape) {
            case "9:16" -> new KlingMarketInput(shortSide, longSide, seconds, List.copyOf(problems));
            case "1:1" -> new KlingMarketInput(shortSide, shortSide, seconds, List.copyOf(problems));
            default -> new KlingMarketInput(longSide, shortSide, seconds, List.copyOf(problems));
        };
    }

    private static int images(JsonNode urls, List<String> problems) {
        if (urls == null || urls.isNull()) {
            return 0;
        }
        if (!urls.isArray() || urls.isEmpty() || urls.size() > 2) {
            problems.add("input.image_urls must be an array of 1 or 2 image URLs (first and last frame)");
            return 0;
        }
        for (JsonNode url : urls) {
            String text = url.asText("");
            if (!url.isTextual() || !(text.startsWith("https://") || text.startsWith("http://"))) {
                problems.add("input.image_urls must hold http(s) URLs, got " + url);
            }
        }
        return urls.size();
    }

    private static int duration(JsonNode d, List<String> problems) {
        if (d == null || d.isNull()) {
            return 5;
        }
        int seconds = d.isTextual() && d.asText().matches("\\d{1,2}") ? Integer.parseInt(d.asText()) : -1;
        if (seconds < 3 || seconds > 15) {
            problems.add("input.duration must be a string from \"3\" to \"15\", got " + d);
            return 5;
        }
        return seconds;
    }

    private static String text(JsonNode input, String field, String fallback) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
