package io.github.camelvideo.emulator.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a media download the way every emulated API does: {@code Content-Length},
 * {@code Accept-Ranges}, {@code Range: bytes=N-[M]} answered with 206, and the download faults
 * of the plan (connection cut part way, JSON error document instead of the media).
 */
public final class MediaDownload {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final FaultHooks faults;

    /**
     * Creates the responder.
     *
     * @param faults the plan consulted once per download that gets past the range check
     */
    public MediaDownload(FaultHooks faults) {
        this.faults = faults;
    }

    /**
     * The response for a download of {@code blob}.
     *
     * @param request the request, for its {@code Range} header
     * @param blob the bytes
     * @param contentType the media type
     * @param errors the envelope of the range error and of the JSON fault
     */
    public ApiResponse serve(ApiRequest request, Blob blob, String contentType, ErrorStyle errors) {
        long size = blob.size();
        long start = 0;
        boolean partial = false;
        String range = request.header("range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches()) {
            start = Long.parseLong(m.group(1));
            if (start >= size) {
                return errors.error(416, "Requested range not satisfiable.").header("Content-Range", "bytes */" + size);
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
            return errors.serverError("The video content could not be retrieved.").withStatus(200);
        }
        long abortAfter = fault instanceof ContentFault.Reset reset ? reset.afterBytes() : -1;
        ContentFault.Stall stall = fault instanceof ContentFault.Stall s ? s : null;
        ApiResponse response = new ApiResponse(partial ? 206 : 200, contentType,
                new RangeBody(blob, start, end - start + 1, abortAfter, stall));
        response.header("Accept-Ranges", "bytes");
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response;
    }

    /** Streams a byte range, optionally cutting the connection part way or waiting part way. */
    private record RangeBody(Blob blob, long offset, long length, long abortAfter, ContentFault.Stall stall)
            implements ApiResponse.Body {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (stall != null) {
                long first = Math.min(stall.afterBytes(), Math.max(0, length - 1));
                long ticket = stall.hold().enter();
                blob.write(out, offset, first);
                out.flush();
                stall.hold().await(ticket);
                blob.write(out, offset + first, length - first);
                return;
            }
            long toSend = abortAfter < 0 ? length : Math.min(abortAfter, Math.max(0, length - 1));
            blob.write(out, offset, toSend);
            if (abortAfter >= 0) {
                out.flush();
                throw new ApiResponse.AbortConnection("Injected connection reset after " + toSend + " bytes");
            }
        }
    }
}
