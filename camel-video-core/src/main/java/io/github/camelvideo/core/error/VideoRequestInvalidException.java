package io.github.camelvideo.core.error;

/** Bad input: raised before any paid call is made, or when the provider rejects the request (HTTP 400/404/422). */
public class VideoRequestInvalidException extends VideoException {

    private final String field;

    public VideoRequestInvalidException(String message, String field) {
        this(message, field, null, null, null, null);
    }

    public VideoRequestInvalidException(String message, String field, String provider, String jobId,
                                        String providerCode, Throwable cause) {
        super(message, provider, jobId, providerCode, false, cause);
        this.field = field;
    }

    /**
     * Rejects a value that is not in the allowed set, naming the field, the value and what is allowed.
     */
    public static VideoRequestInvalidException notAllowed(String field, Object value, Object allowed) {
        return new VideoRequestInvalidException(
                "Invalid " + field + ": '" + value + "'. Allowed: " + allowed, field);
    }

    /** The request field at fault, or {@code null} when it is not known. */
    public String getField() {
        return field;
    }
}
