package io.github.camelvideo.emulator.openai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small {@code multipart/form-data} parser (RFC 7578) over a body already in memory.
 */
final class Multipart {

    /**
     * One part of the form.
     *
     * @param name form field name
     * @param filename file name when the part is a file upload, else null
     * @param contentType the part's Content-Type, or null
     * @param data the part's bytes
     */
    record Part(String name, String filename, String contentType, byte[] data) {
        boolean isFile() {
            return filename != null;
        }

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /**
     * Parses a body.
     *
     * @param contentType the request Content-Type carrying the boundary
     * @throws ApiException 400 when the body is not well-formed multipart
     */
    static List<Part> parse(String contentType, byte[] body) {
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw malformed("missing boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed("no boundary found");
        }
        while (true) {
            pos += delimiter.length;
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts; // closing delimiter
            }
            pos = skipLineEnd(body, pos);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headersEnd < 0) {
                throw malformed("part without header end");
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int dataStart = headersEnd + 4;
            int next = indexOf(body, delimiter, dataStart);
            if (next < 0) {
                throw malformed("unterminated part");
            }
            // The CRLF before a delimiter belongs to the delimiter, not to the data.
            int dataEnd = next >= 2 && body[next - 2] == '\r' && body[next - 1] == '\n' ? next - 2 : next;
            parts.add(part(headers, java.util.Arrays.copyOfRange(body, dataStart, Math.max(dataStart, dataEnd))));
            pos = next;
        }
    }

    private static Part part(String headers, byte[] data) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
                filename = parameter(value, "filename");
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw malformed("part without a name");
        }
        return new Part(name, filename, type, data);
    }

    /** A parameter of a header value like {@code form-data; name="x"}; quotes removed. */
    static String parameter(String headerValue, String name) {
        if (headerValue == null) {
            return null;
        }
        for (String piece : headerValue.split(";")) {
            String p = piece.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static int skipLineEnd(byte[] body, int pos) {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
        if (pos + 1 < body.length && body[pos] == '\r' && body[pos + 1] == '\n') {
            return pos + 2;
        }
        if (pos < body.length && body[pos] == '\n') {
            return pos + 1;
        }
        return pos;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiException malformed(String why) {
        return ApiException.invalidRequest("Could not parse multipart form: " + why + ".", null, null);
    }
}
