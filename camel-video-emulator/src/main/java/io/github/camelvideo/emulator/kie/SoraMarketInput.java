package io.github.camelvideo.emulator.kie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code input} of a Sora 2 model on Kie's market, checked as provider-apis.md section 3.1 describes it:
 * {@code prompt} (up to 10000 characters, text- and image-to-video), {@code image_urls} (exactly 1 URL; required by
 * image-to-video, optional on the storyboard), {@code aspect_ratio} {@code portrait} or {@code landscape} (the
 * default; 1280x720 or 720x1280), {@code n_frames} the seconds as a string, {@code "10"} or {@code "15"} (default
 * {@code "10"}; the storyboard also {@code "25"}, and requires it), {@code size} {@code standard} or {@code high}
 * (pro only; high is 1920x1080 or 1080x1920), {@code remove_watermark} a boolean, {@code upload_method} {@code s3} or
 * {@code oss}; the storyboard's {@code shots}, {@code [{"Scene", "duration"}]}, must sum to {@code n_frames} (the
 * emulator enforces it, as the stricter reading of an unconfirmed rule); the watermark remover takes only
 * {@code video_url}, a sora.chatgpt.com share link of at most 500 characters (and {@code upload_method}).
 */
record SoraMarketInput(int width, int height, int seconds, List<String> problems) implements MarketInput {

    private static final Set<String> CREATE = Set.of("prompt", "aspect_ratio", "n_frames", "remove_watermark",
            "character_id_list", "upload_method");
    private static final Set<String> IMAGE = union(CREATE, Set.of("image_urls"));
    private static final Set<String> STORYBOARD = Set.of("shots", "n_frames", "image_urls", "aspect_ratio", "size");

    /** The Sora models served, with the input fields each accepts. */
    static final Map<String, Set<String>> MODELS = Map.of(
            "sora-2-text-to-video", CREATE,
            "sora-2-image-to-video", IMAGE,
            "sora-2-pro-text-to-video", union(CREATE, Set.of("size")),
            "sora-2-pro-image-to-video", union(IMAGE, Set.of("size")),
            "sora-2-pro-storyboard", STORYBOARD,
            "sora-watermark-remover", Set.of("video_url", "upload_method"));

    private static final int MAX_PROMPT = 10_000;
    private static final int MAX_LINK = 500;
    /** The watermark remover's result: the source is not fetched, so it is a usual landscape 10 s video. */
    private static final int REMOVER_SECONDS = 10;

    /** Reads and checks the input of a model of {@link #MODELS}. */
    static SoraMarketInput check(String model, JsonNode input) {
        List<String> problems = new ArrayList<>();
        input.fieldNames().forEachRemaining(f -> {
            if (!MODELS.get(model).contains(f)) {
                problems.add("input." + f + " is not a parameter of " + model);
            }
        });
        if (model.equals("sora-watermark-remover")) {
            shareLink(input.get("video_url"), problems);
            uploadMethod(input, problems);
            return new SoraMarketInput(1280, 720, REMOVER_SECONDS, List.copyOf(problems));
        }
        boolean storyboard = model.endsWith("-storyboard");
        if (!storyboard) {
            prompt(input.get("prompt"), problems);
            uploadMethod(input, problems);
            if (input.has("remove_watermark") && !input.get("remove_watermark").isBoolean()) {
                problems.add("input.remove_watermark must be a boolean");
            }
        }
        images(input.get("image_urls"), model.endsWith("-image-to-video"), problems);
        int seconds = nFrames(input.get("n_frames"), storyboard, problems);
        if (storyboard) {
            shots(input.get("shots"), seconds, problems);
        }
        boolean portrait = "portrait".equals(choice(input, "aspect_ratio", "landscape", Set.of("portrait",
                "landscape"), problems));
        boolean high = "high".equals(choice(input, "size", "standard", Set.of("standard", "high"), problems));
        int shortSide = high ? 1080 : 720;
        int longSide = shortSide * 16 / 9;
        return portrait ? new SoraMarketInput(shortSide, longSide, seconds, List.copyOf(problems))
                : new SoraMarketInput(longSide, shortSide, seconds, List.copyOf(problems));
    }

    private static void prompt(JsonNode prompt, List<String> problems) {
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            problems.add("input.prompt is required");
        } else if (prompt.asText().length() > MAX_PROMPT) {
            problems.add("input.prompt must be at most " + MAX_PROMPT + " characters");
        }
    }

    private static void images(JsonNode urls, boolean required, List<String> problems) {
        if (urls == null || urls.isNull()) {
            if (required) {
                problems.add("input.image_urls is required: an array of 1 public image URL");
            }
            return;
        }
        if (!urls.isArray() || urls.size() != 1) {
            problems.add("input.image_urls must be an array of 1 public image URL");
            return;
        }
        String text = urls.get(0).asText("");
        if (!urls.get(0).isTextual() || !(text.startsWith("https://") || text.startsWith("http://"))) {
            problems.add("input.image_urls must hold a public http(s) URL, got " + urls.get(0));
        }
    }

    private static int nFrames(JsonNode n, boolean storyboard, List<String> problems) {
        Set<String> allowed = storyboard ? Set.of("10", "15", "25") : Set.of("10", "15");
        String shown = storyboard ? "\"10\", \"15\" or \"25\"" : "\"10\" or \"15\"";
        if (n == null || n.isNull()) {
            if (storyboard) {
                problems.add("input.n_frames is required: a string " + shown);
            }
            return 10;
        }
        if (!n.isTextual() || !allowed.contains(n.asText())) {
            problems.add("input.n_frames must be a string " + shown + ", got " + n);
            return 10;
        }
        return Integer.parseInt(n.asText());
    }

    private static void shots(JsonNode shots, int total, List<String> problems) {
        if (shots == null || !shots.isArray() || shots.isEmpty()) {
            problems.add("input.shots is required: an array of {\"Scene\": string, \"duration\": number}");
            return;
        }
        double sum = 0;
        for (JsonNode shot : shots) {
            if (!shot.path("Scene").isTextual() || shot.path("Scene").asText().isBlank()
                || !shot.path("duration").isNumber() || shot.path("duration").asDouble() <= 0) {
                problems.add("input.shots must hold {\"Scene\": string, \"duration\": positive number}, got "
                             + shot);
                return;
            }
            sum += shot.path("duration").asDouble();
        }
        if (Math.abs(sum - total) > 1e-6) {
            problems.add("input.shots' durations must sum to n_frames (" + total + "), got " + sum);
        }
    }

    private static void shareLink(JsonNode url, List<String> problems) {
        String text = url == null ? "" : url.asText("");
        if (url == null || !url.isTextual() || text.isBlank()) {
            problems.add("input.video_url is required");
        } else if (text.length() > MAX_LINK) {
            problems.add("input.video_url must be at most " + MAX_LINK + " characters");
        } else if (!text.startsWith("https://sora.chatgpt.com/")) {
            problems.add("input.video_url must be a public sora.chatgpt.com share link");
        }
    }

    private static void uploadMethod(JsonNode input, List<String> problems) {
        choice(input, "upload_method", "s3", Set.of("s3", "oss"), problems);
    }

    private static String choice(JsonNode input, String field, String fallback, Set<String> allowed,
                                 List<String> problems) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual() || !allowed.contains(value.asText())) {
            problems.add("input." + field + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                         + ", got " + value);
            return fallback;
        }
        return value.asText();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
