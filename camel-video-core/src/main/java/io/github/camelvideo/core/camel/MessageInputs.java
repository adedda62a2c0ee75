package io.github.camelvideo.core.camel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Message;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

/**
 * Reads request values from a message: text from a header or the body, whole numbers, and media bytes from the
 * usual Camel body types. Every error names the field, the value given and what is allowed.
 */
public final class MessageInputs {

    /** The body types media can come in, for error messages. */
    public static final String MEDIA_TYPES = "byte[], File, Path or InputStream";

    private MessageInputs() {
    }

    /**
     * The prompt from a header, else (when allowed) from a text body.
     *
     * @throws VideoRequestInvalidException when missing, blank or longer than {@code maxLength}
     */
    public static String prompt(Message in, String header, boolean bodyAllowed, int maxLength) {
        String prompt = in.getHeader(header, String.class);
        if (prompt == null && bodyAllowed && in.getBody() instanceof String body) {
            prompt = body;
        }
        if (prompt == null || prompt.isBlank()) {
            throw new VideoRequestInvalidException("Missing prompt: set the " + header + " header"
                                                   + (bodyAllowed ? " or a text message body" : ""), "prompt");
        }
        if (prompt.length() > maxLength) {
            throw new VideoRequestInvalidException("Invalid prompt: " + prompt.length()
                                                   + " characters. Allowed: 1 to " + maxLength, "prompt");
        }
        return prompt;
    }

    /**
     * A required text value from a header, else from the option.
     *
     * @throws VideoRequestInvalidException when neither is set
     */
    public static String required(Message in, String header, String option, String field, String optionName) {
        String value = in.getHeader(header, option, String.class);
        if (value == null || value.isBlank()) {
            throw new VideoRequestInvalidException("Missing " + field + ": set the "
                                                   + (optionName != null ? optionName + " option or the " : "")
                                                   + header + " header", field);
        }
        return value.trim();
    }

    /**
     * A whole number from a header, else the option's value.
     *
     * @param allowed what is allowed, for the error message
     */
    public static Integer wholeNumber(Message in, String header, Integer option, String field, String allowed) {
        Object raw = in.getHeader(header);
        if (raw == null) {
            return option;
        }
        try {
            return Integer.valueOf(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw VideoRequestInvalidException.notAllowed(field, raw, allowed);
        }
    }

    /**
     * The bytes of a media value: {@code byte[]}, {@link File}, {@link Path} or {@link InputStream} (read here), or
     * {@code null} when the value is {@code null}.
     *
     * @throws VideoRequestInvalidException for text or another type
     */
    public static byte[] bytes(Object value, String field, String alternative) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof byte[] b) {
                return b;
            }
            if (value instanceof Path path) {
                return Files.readAllBytes(path);
            }
            if (value instanceof File file) {
                return Files.readAllBytes(file.toPath());
            }
            if (value instanceof InputStream in) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + field + " from " + value + ": " + e.getMessage(), e);
        }
        throw new VideoRequestInvalidException("Invalid " + field + ": " + describe(value) + ". Allowed: "
                                               + MEDIA_TYPES + (alternative != null ? ", or " + alternative : ""),
                field);
    }

    private static String describe(Object value) {
        return value instanceof String ? "the value is text" : "a " + value.getClass().getName();
    }
}
