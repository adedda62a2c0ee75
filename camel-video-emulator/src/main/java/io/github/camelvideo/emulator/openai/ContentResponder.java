package io.github.camelvideo.emulator.openai;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.github.camelvideo.emulator.core.ApiRequest;
import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.Blob;
import io.github.camelvideo.emulator.core.FaultHooks;
import io.github.camelvideo.emulator.core.MediaDownload;
import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * {@code GET /videos/{id}/content}: streams the rendered file with Content-Length, byte ranges
 * ({@code Range: bytes=N-} gives 206) and the download faults.
 */
final class ContentResponder {

    private static final List<String> VARIANTS = List.of("video", "thumbnail", "spritesheet");

    private final MediaLibrary media;
    private final MediaDownload download;

    ContentResponder(MediaLibrary media, FaultHooks faults) {
        this.media = media;
        this.download = new MediaDownload(faults);
    }

    ApiResponse respond(ApiRequest request, VideoJob job, VideoJob.State state, long nowMillis) {
        String variant = request.queryParam("variant");
        variant = variant == null ? "video" : variant;
        if (!VARIANTS.contains(variant)) {
            throw ApiException.invalidValue("variant", variant, VARIANTS);
        }
        if (VideoJob.FAILED.equals(state.status())) {
            throw ApiException.notFound("Video '" + job.id() + "' failed; it has no content to download.");
        }
        if (!state.isCompleted()) {
            // Live API behaviour: 404 while queued or in progress.
            throw ApiException.notFound("Video is not ready yet, use the GET /v1/videos/" + job.id()
                    + " endpoint to check status.");
        }
        if (nowMillis >= state.expiresAt() * 1000) {
            throw ApiException.notFound("The content of video '" + job.id() + "' has expired.");
        }
        Path file;
        String type;
        try {
            switch (variant) {
                case "thumbnail" -> {
                    file = media.thumbnail(job.width(), job.height());
                    type = "image/webp";
                }
                case "spritesheet" -> {
                    file = media.spritesheet(job.width(), job.height(), job.seconds());
                    type = "image/jpeg";
                }
                default -> {
                    file = media.video(job.footage());
                    type = "video/mp4";
                }
            }
            return download.serve(request, Blob.of(file), type, OpenAiErrors.INSTANCE);
        } catch (IOException e) {
            throw ApiException.serverError();
        }
    }
}
