package io.github.camelvideo.core.storyboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.media.ImageInput;

/**
 * Reads a storyboard from a message body: a {@link Storyboard}; a {@code List} of scenes (each a {@code Map} with
 * {@code prompt} and {@code seconds}, as a YAML route writes it inline); a {@code Map} with {@code scenes},
 * {@code style} and {@code firstFrame}; or either of the last two as JSON text (a {@code String}, bytes or a file,
 * such as a {@code .json} file picked up by a file route).
 */
public final class StoryboardReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STORYBOARD_FIELDS = Set.of("scenes", "style", "firstFrame");
    private static final Set<String> SCENE_FIELDS = Set.of("prompt", "seconds");
    private static final String SHAPES = "a Storyboard, a List of scenes ({prompt, seconds}), a Map {scenes, style,"
                                         + " firstFrame}, or the same as JSON text";

    private StoryboardReader() {
    }

    /** Reads the storyboard in a message body. */
    public static Storyboard read(Message message) {
        Object body = message.getBody();
        if (body instanceof Storyboard storyboard) {
            return storyboard;
        }
        if (body instanceof List<?> || body instanceof Map<?, ?>) {
            return fromValue(body);
        }
        String json = body == null ? null : message.getBody(String.class);
        if (json == null || json.isBlank()) {
            throw new VideoRequestInvalidException("Missing storyboard: send " + SHAPES + " as the message body",
                    "storyboard");
        }
        return fromJson(json);
    }

    /** Reads a storyboard from JSON text: an array of scenes or an object with {@code scenes}. */
    public static Storyboard fromJson(String json) {
        try {
            return fromValue(JSON.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new VideoRequestInvalidException("Invalid storyboard: the body is not JSON ("
                                                   + e.getOriginalMessage() + "). Allowed: " + SHAPES, "storyboard");
        }
    }

    /** Reads a storyboard from a {@code List} of scenes or a {@code Map} with {@code scenes}. */
    public static Storyboard fromValue(Object value) {
        if (value instanceof List<?> scenes) {
            return new Storyboard(scenes(scenes), null, null);
        }
        if (value instanceof Map<?, ?> map) {
            checkFields(map, STORYBOARD_FIELDS, "storyboard", "The storyboard");
            Object scenes = map.get("scenes");
            if (!(scenes instanceof List<?> list)) {
                throw VideoRequestInvalidException.notAllowed("scenes", describe(scenes), "a list of scenes");
            }
            return new Storyboard(scenes(list), text(map.get("style"), "style"), image(map.get("firstFrame")));
        }
        throw VideoRequestInvalidException.notAllowed("storyboard", describe(value), SHAPES);
    }

    private static List<StoryboardScene> scenes(List<?> values) {
        List<StoryboardScene> scenes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            scenes.add(scene(values.get(i), i + 1));
        }
        return scenes;
    }

    private static StoryboardScene scene(Object value, int number) {
        if (value instanceof StoryboardScene scene) {
            return scene;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new VideoRequestInvalidException("Invalid scene " + number + ": " + describe(value)
                                                   + ". Allowed: a map with prompt and seconds", "scenes");
        }
        checkFields(map, SCENE_FIELDS, "scenes", "Scene " + number);
        return new StoryboardScene(text(map.get("prompt"), "scenes"), seconds(map.get("seconds"), number));
    }

    private static Integer seconds(Object value, int number) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new VideoRequestInvalidException("Invalid seconds of scene " + number + ": '" + text
                                                   + "'. Allowed: a whole number of seconds", "scenes");
        }
    }

    private static void checkFields(Map<?, ?> map, Set<String> allowed, String field, String what) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new VideoRequestInvalidException(what + " has an unknown field '" + key + "'. Allowed: "
                                                       + String.join(", ", allowed.stream().sorted().toList()),
                        field);
            }
        }
    }

    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw VideoRequestInvalidException.notAllowed(field, describe(value), "text");
    }

    /** A first frame: bytes, a file, or text naming a file or holding a {@code data:image/...;base64,} URL. */
    private static ImageInput image(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return ImageInput.of(bytes, "firstFrame");
        }
        if (value instanceof File file) {
            return image(file.toPath());
        }
        if (value instanceof Path path) {
            return readImage(path);
        }
        if (value instanceof String text && text.startsWith("data:image/")) {
            return ImageInput.of(decodeDataUrl(text), "firstFrame");
        }
        if (value instanceof String text && !text.isBlank()) {
            return readImage(Path.of(text.trim()));
        }
        throw VideoRequestInvalidException.notAllowed("firstFrame", describe(value),
                "image bytes, a file, a file path or a data:image/...;base64, URL");
    }

    private static ImageInput readImage(Path path) {
        try {
            return ImageInput.of(Files.readAllBytes(path), "firstFrame");
        } catch (IOException e) {
            throw new VideoRequestInvalidException("Invalid firstFrame: cannot read the file '" + path + "' ("
                                                   + e.getClass().getSimpleName() + ")", "firstFrame");
        }
    }

    private static byte[] decodeDataUrl(String url) {
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw VideoRequestInvalidException.notAllowed("firstFrame", url.substring(0, Math.min(40, url.length())),
                    "a data:image/...;base64, URL");
        }
        try {
            return Base64.getDecoder().decode(url.substring(comma + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new VideoRequestInvalidException("Invalid firstFrame: the data URL is not valid base64",
                    "firstFrame");
        }
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : "a " + value.getClass().getSimpleName();
    }
}
