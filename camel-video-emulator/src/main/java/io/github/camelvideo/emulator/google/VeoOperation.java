package io.github.camelvideo.emulator.google;

import java.util.List;

import io.github.camelvideo.emulator.core.JobFate;

/**
 * One long-running video generation on either Google surface. Immutable: its progress is
 * computed from the clock when read.
 *
 * @param name the full operation name, e.g. {@code models/veo-3.1-generate-preview/operations/abc}
 *        or {@code projects/p/locations/l/publishers/google/models/m/operations/uuid}
 * @param id the last segment of the name
 * @param dialect the surface that created it
 * @param createdAtMillis creation time, epoch milliseconds
 * @param fate how it ends
 * @param rendition the video each sample is
 * @param fileIds Gemini: one file id per sample; Vertex: empty
 * @param storageUri Vertex: the {@code storageUri} parameter, or null for inline output
 * @param samples the number of videos ({@code sampleCount})
 * @param requestDigest the {@link io.github.camelvideo.emulator.core.RequestDigest} of the create request
 */
record VeoOperation(String name, String id, Dialect dialect, long createdAtMillis, JobFate fate, Rendition rendition,
        List<String> fileIds, String storageUri, int samples, String requestDigest) {

    /** An operation whose create request is not known. */
    VeoOperation(String name, String id, Dialect dialect, long createdAtMillis, JobFate fate, Rendition rendition,
            List<String> fileIds, String storageUri, int samples) {
        this(name, id, dialect, createdAtMillis, fate, rendition, fileIds, storageUri, samples, null);
    }

    /** The resource name of the model, the name without {@code /operations/id}. */
    String modelResource() {
        return name.substring(0, name.lastIndexOf("/operations/"));
    }
}
