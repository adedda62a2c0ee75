package io.github.camelvideo.emulator.fal;

import io.github.camelvideo.emulator.core.JobFate;

/**
 * One request in the emulated fal queue.
 *
 * @param id the {@code request_id}
 * @param endpointId the endpoint it was submitted to
 * @param app the endpoint's {@code owner/alias}, under which its status and result live
 * @param createdAtMillis when it was submitted
 * @param fate how it ends
 * @param input the checked input
 * @param requestDigest the digest of the submitted body
 * @param cancelledAtMillis when a cancel was asked for, or -1
 */
record QueuedRequest(String id, String endpointId, String app, long createdAtMillis, JobFate fate, FalInput input,
        String requestDigest, long cancelledAtMillis) {

    QueuedRequest cancelledAt(long millis) {
        return new QueuedRequest(id, endpointId, app, createdAtMillis, fate, input, requestDigest, millis);
    }

    boolean cancelled() {
        return cancelledAtMillis >= 0;
    }
}
