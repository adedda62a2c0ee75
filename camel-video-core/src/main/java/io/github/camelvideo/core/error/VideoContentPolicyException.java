package io.github.camelvideo.core.error;

import java.util.List;

/** The provider's moderation or safety filter refused the prompt, the input or the generated result. */
public class VideoContentPolicyException extends VideoException {

    private final List<String> reasons;

    public VideoContentPolicyException(String message, String provider, String jobId, String providerCode,
                                       List<String> reasons) {
        super(message, provider, jobId, providerCode, false, null);
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The provider's reasons, when it gives any. */
    public List<String> getReasons() {
        return reasons;
    }
}
