package io.github.camelvideo.core.protocol.kie;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookRequest;
import io.github.camelvideo.core.webhook.WebhookVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Callback bodies read into events; the HMAC scheme accepted when right, refused when not. */
class KieCallbacksTest {

    private static final byte[] KEY = "hmac-key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"code\":200,\"msg\":\"ok\",\"data\":{\"taskId\":\"t1\",\"state\":\"success\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private static WebhookRequest request(String ts, String sig) {
        return new WebhookRequest(Map.of(KieSignature.TIMESTAMP_HEADER, ts, KieSignature.SIGNATURE_HEADER, sig), null,
                BODY);
    }

    @Test
    void eventNamesTheTask() {
        assertThat(KieCallbacks.events().read(BODY).jobId()).isEqualTo("t1");
        assertThat(KieCallbacks.events().read(BODY).type()).isEqualTo("kie.success");
    }

    @Test
    void signedCallbackVerifiedAndForgedOrStaleRefused() {
        WebhookVerifier verifier = KieCallbacks.verifier(null, KEY);
        String now = String.valueOf(Instant.now().getEpochSecond());
        assertThat(verifier.verify(request(now, KieSignature.sign(KEY, "t1", now))).isVerified()).isTrue();
        assertThat(verifier.verify(request(now, KieSignature.sign(KEY, "t2", now))).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        String old = String.valueOf(Instant.now().getEpochSecond() - 1000);
        assertThat(verifier.verify(request(old, KieSignature.sign(KEY, "t1", old))).refusal())
                .isEqualTo(WebhookRefusal.STALE);
        assertThat(verifier.verify(new WebhookRequest(Map.of(), null, BODY)).refusal())
                .isEqualTo(WebhookRefusal.MALFORMED);
    }
}
