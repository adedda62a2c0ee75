package io.github.camelvideo.core.validate;

import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.spi.VideoJobRequest;

/**
 * Explains a provider's refusal of a request whose model no rules cover. Such a request is sent unchecked on
 * purpose (rules that cannot be known are not enforced), so when the server then refuses it, the error says that
 * the values were passed through and names them: the user sees at once that the component did not vouch for them.
 */
public final class UncheckedRequests {

    private UncheckedRequests() {
    }

    /** Whether the rules know nothing of the request's model, so that its values were sent unchecked. */
    public static boolean isUnchecked(VideoJobRequest request, ModelRules rules) {
        return request.model() != null && rules.familyOf(request.model()).isEmpty();
    }

    /**
     * The provider's refusal of the create call with a note on the values passed through unchecked, or the error
     * unchanged when it is anything else (a local check, a failure after the job was created, another kind).
     */
    public static Throwable explain(Throwable error, VideoJobRequest request) {
        if (!(error instanceof VideoRequestInvalidException refused) || refused.getProvider() == null
            || refused.getJobId() != null) {
            return error;
        }
        Map<String, Object> values = request.ruledValues();
        String passed = values.isEmpty() ? "its values were"
                : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")) + (values.size() == 1 ? " was" : " were");
        String note = " (The model '" + request.model() + "' is unknown to the component's model rules, so "
                      + passed + " passed through unchecked; see the modelRules option.)";
        return new VideoRequestInvalidException(refused.getMessage() + note, refused.getField(),
                refused.getProvider(), null, refused.getProviderCode(), refused);
    }
}
