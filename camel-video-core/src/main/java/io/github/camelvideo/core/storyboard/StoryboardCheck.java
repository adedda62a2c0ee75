package io.github.camelvideo.core.storyboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/**
 * Checks a storyboard against what the provider can make, before anything is paid for. Every error names the scene
 * (numbered from 1), the value given and what is allowed.
 */
public final class StoryboardCheck {

    private StoryboardCheck() {
    }

    /**
     * Checks the storyboard for one way of making it and returns every scene's length, defaults filled in.
     *
     * @param chained whether scenes after the first extend the video (otherwise every scene is generated on its own)
     * @throws VideoRequestInvalidException on the first problem found
     */
    public static List<Integer> check(Storyboard storyboard, StoryboardLimits limits, boolean chained) {
        List<StoryboardScene> scenes = storyboard.scenes();
        if (scenes.isEmpty()) {
            throw new VideoRequestInvalidException("The storyboard has no scenes. Allowed: at least one scene",
                    "scenes");
        }
        List<Integer> seconds = new ArrayList<>();
        for (int number = 1; number <= scenes.size(); number++) {
            StoryboardScene scene = scenes.get(number - 1);
            checkPrompt(scene, number);
            boolean extension = chained && number > 1;
            seconds.add(checkSeconds(scene, number, extension, limits));
        }
        if (chained) {
            checkChain(seconds, limits);
        }
        return seconds;
    }

    private static void checkPrompt(StoryboardScene scene, int number) {
        if (scene.prompt() == null || scene.prompt().isBlank()) {
            throw new VideoRequestInvalidException("Scene " + number + " has an empty prompt. Allowed: the text of"
                                                   + " what happens in the scene", "scenes");
        }
    }

    /** Fails when a scene's prompt, its style included, is longer than the provider takes. */
    public static void checkPromptLength(int scene, String prompt, int maxLength) {
        if (prompt.length() > maxLength) {
            throw new VideoRequestInvalidException("Invalid prompt of scene " + scene + ": " + prompt.length()
                                                   + " characters. Allowed: at most " + maxLength
                                                   + " characters, the style included", "scenes");
        }
    }

    private static int checkSeconds(StoryboardScene scene, int number, boolean extension, StoryboardLimits limits) {
        Integer given = scene.seconds();
        int seconds = given != null ? given
                : extension ? limits.defaultExtensionSeconds() : limits.defaultSceneSeconds();
        Set<Integer> allowed = extension ? limits.extensionSeconds() : limits.sceneSeconds();
        if (seconds <= 0 || allowed != null && !allowed.contains(seconds)) {
            String values = allowed == null ? "a positive whole number" : join(allowed);
            String why = extension && limits.extensionNote() != null ? " (" + limits.extensionNote() + ")"
                    : extension ? " (what one extension adds)" : "";
            throw new VideoRequestInvalidException("Invalid seconds of scene " + number + ": '" + seconds
                                                   + "'. Allowed: " + values + why, "scenes");
        }
        return seconds;
    }

    private static void checkChain(List<Integer> seconds, StoryboardLimits limits) {
        int extensions = seconds.size() - 1;
        if (limits.maxExtensions() != null && extensions > limits.maxExtensions()) {
            throw new VideoRequestInvalidException("Too many scenes: " + seconds.size() + " scenes need "
                                                   + extensions + " extensions, and a video can be extended at most "
                                                   + limits.maxExtensions() + " times. Allowed: at most "
                                                   + (limits.maxExtensions() + 1) + " scenes", "scenes");
        }
        int total = seconds.stream().mapToInt(Integer::intValue).sum();
        if (limits.maxExtendedSeconds() != null && total > limits.maxExtendedSeconds()) {
            throw new VideoRequestInvalidException("The storyboard lasts " + total + " seconds in all, and an"
                                                   + " extended video lasts at most " + limits.maxExtendedSeconds()
                                                   + " seconds. Allowed: a total of at most "
                                                   + limits.maxExtendedSeconds() + " seconds", "scenes");
        }
    }

    private static String join(Set<Integer> values) {
        return values.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
