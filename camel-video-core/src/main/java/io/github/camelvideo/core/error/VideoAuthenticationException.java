package io.github.camelvideo.core.error;

/** The provider refused the credentials (HTTP 401/403). The message never contains the credential itself. */
public class VideoAuthenticationException extends VideoException {

    public VideoAuthenticationException(String message, String provider, String jobId, String providerCode) {
        super(message, provider, jobId, providerCode, false, null);
    }
}
