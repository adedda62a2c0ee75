package io.github.camelvideo.emulator.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    @Test
    void signsTheStandardWebhooksReferenceVector() {
        WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretWithoutThePrefixIsItsOwnBytes() {
        WebhookSigner raw = new WebhookSigner("plain-secret");
        WebhookSigner bytes = new WebhookSigner("plain-secret".getBytes(StandardCharsets.UTF_8));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(raw.sign("wh_1", 1, body)).isEqualTo(bytes.sign("wh_1", 1, body));
    }
}
