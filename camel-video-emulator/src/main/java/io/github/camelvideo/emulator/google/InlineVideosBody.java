package io.github.camelvideo.emulator.google;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelvideo.emulator.core.ApiResponse;

/**
 * A JSON document in which some string values are a video file in base64, streamed from the
 * file while the response is written instead of being built as one large string.
 *
 * <p>Build the document with {@link #placeholder()} where the base64 goes; Jackson writes the
 * rest, and the placeholders are replaced by the encoded file on the way out.
 */
final class InlineVideosBody implements ApiResponse.Body {

    private final String marker = "inline-video-" + UUID.randomUUID();
    private final Path file;
    private List<byte[]> pieces;
    private long length;

    InlineVideosBody(Path file) {
        this.file = file;
    }

    /** The value to put where the file's base64 belongs. */
    String placeholder() {
        return marker;
    }

    /** Serialises the document; call once, after the document is complete. */
    InlineVideosBody document(Object json) throws IOException {
        String text;
        try {
            text = ApiResponse.JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise response", e);
        }
        pieces = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, from)) {
            pieces.add(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + marker.length();
        }
        pieces.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
        long size = Files.size(file);
        long encoded = 4 * ((size + 2) / 3);
        length = encoded * (pieces.size() - 1);
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        return this;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                // The encoder's close() writes the final padding; it must not close the response.
                try (OutputStream base64 = Base64.getEncoder().wrap(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                })) {
                    Files.copy(file, base64);
                }
            }
            out.write(pieces.get(i));
        }
    }
}
