package io.github.camelvideo.emulator.core;

/**
 * One job the emulator knows, as the admin API lists it.
 *
 * @param id the provider's job reference: an OpenAI video id or a Veo operation name
 * @param surface {@code openai}, {@code gemini} or {@code vertex}
 * @param state OpenAI: the video {@code status} ({@code queued}, {@code in_progress}, {@code completed},
 *        {@code failed}); Veo: {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param progress 0 to 100
 * @param createdAtMillis creation time, epoch milliseconds
 * @param finishedAtMillis when it ended, epoch milliseconds, or null while it runs
 * @param model the model id
 * @param seconds the video's length
 * @param requestDigest {@link RequestDigest} of the create request's body
 */
public record JobSummary(String id, String surface, String state, int progress, long createdAtMillis,
        Long finishedAtMillis, String model, int seconds, String requestDigest) {
}
