package io.github.camelvideo.emulator.google;

/**
 * A validated {@code predictLongRunning} request: what the operation will produce.
 *
 * @param prompt the text prompt, or null for an image-only request
 * @param rendition the video of each sample
 * @param samples number of videos
 * @param storageUri Vertex {@code storageUri} (a {@code gs://} URI), or null for inline output
 */
record VeoRequest(String prompt, Rendition rendition, int samples, String storageUri) {
}
