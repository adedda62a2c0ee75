package io.github.camelvideo.emulator.kling;

import io.github.camelvideo.emulator.core.JobFate;

/**
 * One task of the emulated Kling API.
 *
 * @param id              {@code task_id}
 * @param path            the API path it was created by
 * @param create          the checked create body
 * @param createdAtMillis when it was created
 * @param fate            how it ends
 * @param requestDigest   the digest of the create request
 */
record KlingJob(String id, String path, KlingCreate create, long createdAtMillis, JobFate fate,
        String requestDigest) {
}
