package io.github.camelvideo.core.storyboard;

import io.github.camelvideo.core.cost.CostEstimate;

/**
 * One completed scene.
 *
 * @param scene   the scene number, from 1
 * @param jobId   the provider job that made it
 * @param seconds the scene's length
 * @param cost    the scene's cost estimate, or {@code null} when the model has no price
 */
public record SceneResult(int scene, String jobId, int seconds, CostEstimate cost) {
}
