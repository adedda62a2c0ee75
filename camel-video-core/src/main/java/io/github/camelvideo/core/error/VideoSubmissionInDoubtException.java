package io.github.camelvideo.core.error;

/**
 * A create call was sent but its outcome is unknown (a timeout, a dropped connection or a 5xx after the request went
 * out), and reconciliation did not settle it: the protocol cannot list recent jobs, none of them matched the request,
 * several did (the message names them), or the list could not be read. The provider may have accepted, and will
 * charge for, the job. It is never re-sent automatically: check the provider's job list before submitting again.
 */
public class VideoSubmissionInDoubtException extends VideoException {

    public VideoSubmissionInDoubtException(String message, String provider, Throwable cause) {
        super(message, provider, null, null, false, cause);
    }
}
