package io.github.camelvideo.emulator.kie;

import io.github.camelvideo.emulator.core.JobFate;

/**
 * One market task.
 *
 * @param taskId          its id, {@code task_<model>_<epochms>} with a suffix that keeps ids unique
 * @param model           the model slug
 * @param param           the create body as sent, which {@code recordInfo} repeats as a string
 * @param input           the checked input
 * @param createdAtMillis when it was created
 * @param fate            how it ends
 * @param callBackUrl     where its end is announced, or null
 * @param requestDigest   the digest of the create body
 */
record KieTask(String taskId, String model, String param, MarketInput input, long createdAtMillis, JobFate fate,
        String callBackUrl, String requestDigest) {
}
