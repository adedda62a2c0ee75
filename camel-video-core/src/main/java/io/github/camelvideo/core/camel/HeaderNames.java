package io.github.camelvideo.core.camel;

/**
 * The output header names of one component, so that one writer serves every component.
 *
 * @param jobId     job id header
 * @param status    provider status header
 * @param progress  progress header, or {@code null} when the provider reports no progress
 * @param model     model header
 * @param seconds   reported length header
 * @param size      size or resolution header
 * @param expiresAt expiry header
 * @param costUsd   cost estimate header
 * @param duration  probed duration header
 * @param idempotencyKey idempotency key input header
 * @param sceneJobIds    storyboard scene job ids header
 * @param storyboardMode storyboard mode header (input, and the mode used as output)
 */
public record HeaderNames(String jobId, String status, String progress, String model, String seconds, String size,
                          String expiresAt, String costUsd, String duration,
                          String idempotencyKey, String sceneJobIds, String storyboardMode) {
}
