package io.github.camelvideo.core.protocol.kie;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.webhook.CallbackTarget;
import io.github.camelvideo.core.webhook.WebhookEvent;
import io.github.camelvideo.core.webhook.WebhookEvents;
import io.github.camelvideo.core.webhook.WebhookProtocol;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookRequest;
import io.github.camelvideo.core.webhook.WebhookVerifier;

/**
 * Kie's callbacks: the body ({@code {code, msg, data: <the task record>}}) read into a {@link WebhookEvent} naming
 * the task, and the verifier of the optional {@code webhookHmacKey} scheme ({@link KieSignature}), which may be
 * combined with a per-job token check. A verified callback is a hint only: the engine reads {@code recordInfo}.
 */
public final class KieCallbacks {

    /** The event type prefix, followed by the record's state. */
    public static final String TYPE_PREFIX = "kie.";

    private static final int MAX_BODY_BYTES = 256 * 1024;

    private KieCallbacks() {
    }

    /** The reader of callback bodies. */
    public static WebhookEvents events() {
        return body -> {
            JsonNode data = data(body);
            String taskId = data == null ? null : KieRecord.taskId(data);
            if (taskId == null) {
                throw new IllegalArgumentException("no data.taskId");
            }
            String state = data.path("state").isTextual() ? data.path("state").asText() : "unknown";
            return new WebhookEvent(taskId + "." + state, TYPE_PREFIX + state, taskId);
        };
    }

    /**
     * How callbacks of one Kie API reach its jobs: each task's end is called back at its per-task token URL of
     * {@code target}, checked against that token and, when {@code hmacKey} is given, against the signature, then
     * read by {@code events}; {@code null} when push completion is off ({@code target} is {@code null}).
     */
    public static WebhookProtocol protocol(String provider, CallbackTarget target, byte[] hmacKey,
                                           WebhookEvents events) {
        if (target == null) {
            return null;
        }
        byte[] key = hmacKey == null ? null : hmacKey.clone();
        return new WebhookProtocol(provider, null, false, s -> verifier(target.tokens().verifier(), key), events,
                true);
    }

    /**
     * The verifier of callbacks: {@code tokens} (a per-job token check, or {@code null}) first, then, when
     * {@code hmacKey} is given, the {@code X-Webhook-Signature} over the body's task id and the timestamp.
     */
    public static WebhookVerifier verifier(WebhookVerifier tokens, byte[] hmacKey) {
        return new WebhookVerifier() {
            @Override
            public int maxBodyBytes() {
                return tokens != null ? tokens.maxBodyBytes() : MAX_BODY_BYTES;
            }

            @Override
            public Duration tolerance() {
                return KieSignature.TOLERANCE;
            }

            @Override
            public Verification verify(WebhookRequest request) {
                if (tokens != null) {
                    Verification byToken = tokens.verify(request);
                    if (!byToken.isVerified() || hmacKey == null) {
                        return byToken;
                    }
                }
                return hmacKey == null ? Verification.verified(null, null) : signed(request, hmacKey);
            }
        };
    }

    private static WebhookVerifier.Verification signed(WebhookRequest request, byte[] key) {
        String timestamp = request.header(KieSignature.TIMESTAMP_HEADER);
        String signature = request.header(KieSignature.SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            return WebhookVerifier.Verification.refused(WebhookRefusal.MALFORMED);
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return WebhookVerifier.Verification.refused(WebhookRefusal.TOO_LARGE);
        }
        JsonNode data = data(request.body());
        String taskId = data == null ? null : KieRecord.taskId(data);
        if (taskId == null) {
            return WebhookVerifier.Verification.refused(WebhookRefusal.UNREADABLE);
        }
        Instant now = Instant.now();
        if (!KieSignature.verify(key, taskId, timestamp, signature, now)) {
            return WebhookVerifier.Verification.refused(KieSignature.verify(key, taskId, timestamp, signature,
                    Instant.ofEpochSecond(parse(timestamp))) ? WebhookRefusal.STALE : WebhookRefusal.BAD_SIGNATURE);
        }
        return WebhookVerifier.Verification.verified(taskId + "." + timestamp, Instant.ofEpochSecond(parse(timestamp)));
    }

    private static long parse(String timestamp) {
        try {
            return Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The record of a body: its {@code data}, or the body itself when a callback carries the record bare. */
    private static JsonNode data(byte[] body) {
        try {
            JsonNode json = JsonApi.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            if (json == null || !json.isObject()) {
                return null;
            }
            return json.path("data").isObject() ? json.get("data") : json;
        } catch (IOException e) {
            return null;
        }
    }
}
