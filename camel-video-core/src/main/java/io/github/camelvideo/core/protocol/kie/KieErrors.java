package io.github.camelvideo.core.protocol.kie;

import java.util.Locale;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;

/**
 * Kie's error codes (the envelope's {@code code}, HTTP 200 included) turned into the engine's typed exceptions, and a
 * failed task's {@code failCode/failMsg} into its {@link JobError}. Shared by every Kie API.
 */
public final class KieErrors {

    /** The key was refused. */
    public static final int UNAUTHORIZED = 401;
    /** The account's credits are exhausted. */
    public static final int CREDITS_EXHAUSTED = 402;
    /** The task or resource does not exist. */
    public static final int NOT_FOUND = 404;
    /** The parameters were refused. */
    public static final int INVALID = 422;
    /** Too many requests (20 new per 10 s per key). */
    public static final int RATE_LIMITED = 429;
    /** Kie is under maintenance. */
    public static final int MAINTENANCE = 455;
    /** Generation failed. */
    public static final int GENERATION_FAILED = 501;
    /** The feature is disabled. */
    public static final int FEATURE_DISABLED = 505;

    private KieErrors() {
    }

    /**
     * The exception of an answer whose code is not 200: 401 the key, 402 credits exhausted (a spending refusal, never
     * repeated), 404 and 422 and 505 a bad request, 429 a rate limit, a content-policy message a content refusal,
     * 455 (maintenance), 500 and 501 a server failure worth repeating on a read (a create is then in doubt).
     *
     * @param jobId the task id concerned, or {@code null}
     */
    public static VideoException toException(String provider, String jobId, KieEnvelope answer) {
        int code = answer.code();
        String message = provider + " answered code " + code + ": " + answer.message();
        switch (code) {
            case UNAUTHORIZED, 403:
                return new VideoAuthenticationException(message, provider, jobId, String.valueOf(code));
            case CREDITS_EXHAUSTED:
                return new VideoBudgetExceededException(message);
            case RATE_LIMITED:
                return new VideoRateLimitedException(message, provider, jobId, String.valueOf(code), null);
            default:
                break;
        }
        if (isPaused(answer.message())) {
            return new VideoRequestInvalidException(message + " (the model is paused upstream on Kie.ai: Kie accepts"
                                                    + " no tasks of it; use another model or provider)", "model",
                    provider, jobId, String.valueOf(code), null);
        }
        if (isContentPolicy(String.valueOf(code), answer.message())) {
            return new VideoContentPolicyException(message, provider, jobId, String.valueOf(code),
                    java.util.List.of(answer.message()));
        }
        if (code == MAINTENANCE || code >= 500 && code != FEATURE_DISABLED) {
            return new VideoServerException(message, provider, jobId, String.valueOf(code), code, null);
        }
        return new VideoRequestInvalidException(message, null, provider, jobId, String.valueOf(code), null);
    }

    /** The job error of a task in state {@code fail}. */
    public static JobError jobError(String failCode, String failMsg) {
        String code = failCode == null || failCode.isBlank() ? "fail" : failCode;
        String text = failMsg == null ? "" : failMsg;
        if (isContentPolicy(code, text)) {
            return new JobError(code, text, ErrorCategory.CONTENT_POLICY, java.util.List.of(text));
        }
        ErrorCategory category = code.equals("422") || code.equals("400") ? ErrorCategory.INVALID_REQUEST
                : code.startsWith("5") ? ErrorCategory.PROVIDER : ErrorCategory.UNKNOWN;
        return new JobError(code, text, category, null);
    }

    /**
     * Whether an answer says the model is paused upstream ("This interface is temporarily paused", as Kie answered for
     * its Sora slugs from 2026-06): a refusal that repeating will not change.
     */
    public static boolean isPaused(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("temporarily paused");
    }

    /**
     * Whether a failure is a moderation refusal. Kie documents no dedicated code: upstream models report it in the
     * message (and some in {@code failCode}), so both are read.
     */
    public static boolean isContentPolicy(String code, String message) {
        String text = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        return text.contains("content polic") || text.contains("content_policy") || text.contains("sensitive")
               || text.contains("moderation") || text.contains("nsfw") || text.contains("safety")
               || text.contains("content security") || text.contains("risk control");
    }
}
