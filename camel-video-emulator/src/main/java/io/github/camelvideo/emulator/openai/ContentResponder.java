package io.github.camelvideo.emulator.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * {@code GET /videos/{id}/content}: streams the rendered file with Content-Length, byte ranges
 * ({@code Range: bytes=N-} gives 206) and the download faults.
 */
final class ContentResponder {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
    private static final List<String> VARIANTS = List.of("video", "thumbnail", "spritesheet");

    private final MediaLibrary media;
    private final FaultHooks faults;

    ContentResponder(MediaLibrary media, FaultHooks faults) {
        this.media = media;
        this.faults = faults;
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
                    file = media.video(job.width(), job.height(), job.seconds());
                    type = "video/mp4";
                }
            }
            return serve(request, file, type, Files.size(file));
        } catch (IOException e) {
            throw ApiException.serverError();
        }
    }

    private ApiResponse serve(ApiRequest request, Path file, String type, long size) {
        long start = 0;
        boolean partial = false;
        String range = request.header("range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches()) {
            start = Long.parseLong(m.group(1));
            if (start >= size) {
                return ApiException.invalidRequest("Requested range not satisfiable.", null, null).toResponse()
                        .withStatus(416).header("Content-Range", "bytes */" + size);
            }
            partial = true;
        }
        long end = size - 1;
        if (partial && !m.group(2).isEmpty()) {
            end = Math.min(end, Long.parseLong(m.group(2)));
        }
        ContentFault fault = faults.nextContentFault();
        if (fault instanceof ContentFault.JsonBody) {
            // What some gateways do: a 200 whose body is an error document, not the media.
            return ApiResponse.json(200, ApiException.envelope("The video content could not be retrieved.",
                    "server_error", null, null));
        }
        long abortAfter = fault instanceof ContentFault.Reset reset ? reset.afterBytes() : -1;
        ApiResponse response = new ApiResponse(partial ? 206 : 200, type,
                new FileBody(file, start, end - start + 1, abortAfter));
        response.header("Accept-Ranges", "bytes");
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response;
    }

    /** Streams a byte range of a file in small chunks, optionally cutting the connection part way. */
    private record FileBody(Path file, long offset, long length, long abortAfter) implements ApiResponse.Body {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            long toSend = abortAfter < 0 ? length : Math.min(abortAfter, Math.max(0, length - 1));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                WritableByteChannel target = Channels.newChannel(out);
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                long position = offset;
                long remaining = toSend;
                while (remaining > 0) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        throw new IOException("File shorter than expected: " + file);
                    }
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        target.write(buffer);
                    }
                    position += read;
                    remaining -= read;
                }
            }
            if (abortAfter >= 0) {
                out.flush();
                throw new ApiResponse.AbortConnection("Injected connection reset after " + toSend + " bytes");
            }
        }
    }
}
