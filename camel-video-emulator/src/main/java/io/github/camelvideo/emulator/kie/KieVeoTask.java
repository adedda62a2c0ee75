package io.github.camelvideo.emulator.kie;

import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.media.Footage;

/**
 * One task of Kie's Veo 3.1 API: a generation, an extension of an earlier task, or the 4k version of one.
 *
 * @param taskId          its id ({@code veo_task_…}, {@code veo_extend_task_…}, {@code veo_4k_task_…})
 * @param kind            what it makes
 * @param model           {@code veo3}, {@code veo3_fast} or {@code veo3_lite}
 * @param param           the create body as sent, which {@code record-info} repeats as {@code paramJson}
 * @param footage         the video it makes
 * @param landscape       whether the video is 16:9 ({@code originUrls} is filled for other shapes only)
 * @param source          the task it extends or upscales, or null
 * @param createdAtMillis when it was created
 * @param fate            how it ends
 * @param callBackUrl     where its end is announced, or null
 * @param requestDigest   the digest of the create body
 */
record KieVeoTask(String taskId, Kind kind, String model, String param, Footage footage, boolean landscape,
        String source, long createdAtMillis, JobFate fate, String callBackUrl, String requestDigest) {

    /** What a task makes. */
    enum Kind {
        GENERATE, EXTEND, FOUR_K
    }
}
