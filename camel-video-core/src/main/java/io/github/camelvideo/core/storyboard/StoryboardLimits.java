package io.github.camelvideo.core.storyboard;

import java.util.Set;

/**
 * What a provider can make of a storyboard, as far as it is known for the model. A {@code null} limit is not known and
 * is not enforced.
 *
 * @param sceneSeconds            lengths a scene generated on its own can have
 * @param extensionSeconds        lengths one extension can add
 * @param extensionNote           why extensions have those lengths, for error messages (may be {@code null})
 * @param maxExtensions           how many times one video can be extended
 * @param maxExtendedSeconds      the longest video extensions can make
 * @param defaultSceneSeconds     the length of a scene generated on its own that gives no length
 * @param defaultExtensionSeconds the length of an extension scene that gives no length
 */
public record StoryboardLimits(Set<Integer> sceneSeconds, Set<Integer> extensionSeconds, String extensionNote,
                               Integer maxExtensions, Integer maxExtendedSeconds, int defaultSceneSeconds,
                               int defaultExtensionSeconds) {
}
