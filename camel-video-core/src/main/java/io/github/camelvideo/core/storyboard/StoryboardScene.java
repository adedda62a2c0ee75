package io.github.camelvideo.core.storyboard;

/**
 * One scene of a storyboard.
 *
 * @param prompt  what happens in the scene
 * @param seconds how long the scene lasts, or {@code null} for the provider's default
 */
public record StoryboardScene(String prompt, Integer seconds) {

    /** A scene of the provider's default length. */
    public static StoryboardScene of(String prompt) {
        return new StoryboardScene(prompt, null);
    }

    /** A scene of the given length. */
    public static StoryboardScene of(String prompt, int seconds) {
        return new StoryboardScene(prompt, seconds);
    }
}
