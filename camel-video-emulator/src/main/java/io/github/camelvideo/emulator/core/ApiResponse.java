package io.github.camelvideo.emulator.core;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A response produced by the API handlers: status, headers and a body written later by the
 * HTTP layer, so large files are streamed rather than held in memory.
 */
public final class ApiResponse {

    /** The JSON mapper of every surface; shared and never reconfigured. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** Writes a body of a length known before the first byte is sent. */
    public interface Body {
        /** The exact number of bytes {@link #writeTo} writes. */
        long length();

        /**
         * Writes the body.
         *
         * @throws IOException on write failure; {@link AbortConnection} to cut the connection
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Thrown by a {@link Body} that wants the connection closed mid-response (fault injection). */
    public static final class AbortConnection extends IOException {
        private static final long serialVersionUID = 1L;

        /** Creates the signal. */
        public AbortConnection(String message) {
            super(message);
        }
    }

    private int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Body body;

    /**
     * Creates a response.
     *
     * @param status HTTP status code
     * @param contentType Content-Type, or null when there is no body
     * @param body the body, or null for none
     */
    public ApiResponse(int status, String contentType, Body body) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    /** A JSON response of any Jackson-serialisable value. */
    public static ApiResponse json(int status, Object value) {
        try {
            return bytes(status, "application/json", JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise response", e);
        }
    }

    /** A response with an in-memory body. */
    public static ApiResponse bytes(int status, String contentType, byte[] content) {
        return new ApiResponse(status, contentType, new Body() {
            @Override
            public long length() {
                return content.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(content);
            }
        });
    }

    /** Adds or replaces a header; returns this response. */
    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Changes the status; returns this response. */
    public ApiResponse withStatus(int newStatus) {
        this.status = newStatus;
        return this;
    }

    /** HTTP status code. */
    public int status() {
        return status;
    }

    /** Response headers in insertion order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or null when there is none. */
    public Body body() {
        return body;
    }
}
