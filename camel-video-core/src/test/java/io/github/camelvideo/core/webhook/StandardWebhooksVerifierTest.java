package io.github.camelvideo.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhooksVerifierTest {

    // the test vector of the Standard Webhooks reference libraries ("sign function works")
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final WebhookSecret secret = WebhookSecret.of(VECTOR_SECRET);

    private StandardWebhooksVerifier at(long epochSecond) {
        return new StandardWebhooksVerifier(secret, Duration.ofMinutes(5), 1024,
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static WebhookDelivery vector(String signature, byte[] body) {
        return new WebhookDelivery(VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), signature, body);
    }

    @Test
    void signsTheReferenceVector() {
        assertThat(StandardWebhooksVerifier.sign(secret, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void acceptsTheReferenceVector() {
        assertThat(at(VECTOR_TIMESTAMP).verify(vector(VECTOR_SIGNATURE, VECTOR_BODY))).isEmpty();
    }

    @Test
    void oneMatchingEntryAmongSeveralIsEnoughAndOtherVersionsAreSkipped() {
        String header = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,"
                        + VECTOR_SIGNATURE.substring(3) + " v1a,abc " + VECTOR_SIGNATURE + " v1,not-base64!";
        assertThat(at(VECTOR_TIMESTAMP).verify(vector(header, VECTOR_BODY))).isEmpty();
        // the right bytes under another version are no match
        assertThat(at(VECTOR_TIMESTAMP).verify(vector("v2," + VECTOR_SIGNATURE.substring(3), VECTOR_BODY)))
                .contains(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void aChangedBodyOrAnotherSecretDoesNotVerify() {
        byte[] reserialised = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);
        assertThat(at(VECTOR_TIMESTAMP).verify(vector(VECTOR_SIGNATURE, reserialised)))
                .contains(WebhookRefusal.BAD_SIGNATURE);
        StandardWebhooksVerifier other = new StandardWebhooksVerifier(WebhookSecret.of("whsec_"
                + Base64.getEncoder().encodeToString(new byte[32])), Duration.ofMinutes(5), 1024,
                Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC));
        assertThat(other.verify(vector(VECTOR_SIGNATURE, VECTOR_BODY))).contains(WebhookRefusal.BAD_SIGNATURE);
        assertThat(at(VECTOR_TIMESTAMP).verify(vector("v1,invalid_signature", VECTOR_BODY)))
                .contains(WebhookRefusal.BAD_SIGNATURE);
        assertThat(at(VECTOR_TIMESTAMP).verify(vector("invalid_signature", VECTOR_BODY)))
                .contains(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void timestampsOutsideFiveMinutesEitherWayAreStale() {
        WebhookDelivery delivery = vector(VECTOR_SIGNATURE, VECTOR_BODY);
        assertThat(at(VECTOR_TIMESTAMP + 300).verify(delivery)).isEmpty();
        assertThat(at(VECTOR_TIMESTAMP - 300).verify(delivery)).isEmpty();
        assertThat(at(VECTOR_TIMESTAMP + 301).verify(delivery)).contains(WebhookRefusal.STALE);
        assertThat(at(VECTOR_TIMESTAMP - 301).verify(delivery)).contains(WebhookRefusal.STALE);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        StandardWebhooksVerifier verifier = at(VECTOR_TIMESTAMP);
        String ts = Long.toString(VECTOR_TIMESTAMP);
        assertThat(verifier.verify(new WebhookDelivery(null, ts, VECTOR_SIGNATURE, VECTOR_BODY)))
                .contains(WebhookRefusal.MALFORMED);
        assertThat(verifier.verify(new WebhookDelivery("msg.1", ts, VECTOR_SIGNATURE, VECTOR_BODY)))
                .contains(WebhookRefusal.MALFORMED);
        assertThat(verifier.verify(new WebhookDelivery(VECTOR_ID, null, VECTOR_SIGNATURE, VECTOR_BODY)))
                .contains(WebhookRefusal.MALFORMED);
        assertThat(verifier.verify(new WebhookDelivery(VECTOR_ID, ts + ".5", VECTOR_SIGNATURE, VECTOR_BODY)))
                .contains(WebhookRefusal.MALFORMED);
        assertThat(verifier.verify(new WebhookDelivery(VECTOR_ID, "-" + ts, VECTOR_SIGNATURE, VECTOR_BODY)))
                .contains(WebhookRefusal.MALFORMED);
        assertThat(verifier.verify(new WebhookDelivery(VECTOR_ID, ts, null, VECTOR_BODY)))
                .contains(WebhookRefusal.MALFORMED);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItsSignatureIsComputed() {
        byte[] large = new byte[1025];
        WebhookDelivery delivery = vector(StandardWebhooksVerifier.sign(secret, VECTOR_ID, VECTOR_TIMESTAMP, large),
                large);
        assertThat(at(VECTOR_TIMESTAMP).verify(delivery)).contains(WebhookRefusal.TOO_LARGE);
    }

    @Test
    void aSecretWithoutThePrefixIsItsOwnBytesAsOpenAiReadsIt() {
        WebhookSecret raw = WebhookSecret.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(raw.sameKey(secret)).isFalse();
        assertThat(raw.key()).isEqualTo("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".getBytes(StandardCharsets.UTF_8));
        String signature = StandardWebhooksVerifier.sign(raw, "wh_1", VECTOR_TIMESTAMP, VECTOR_BODY);
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(raw, Duration.ofMinutes(5), 1024,
                Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC));
        assertThat(verifier.verify(new WebhookDelivery("wh_1", Long.toString(VECTOR_TIMESTAMP), signature,
                VECTOR_BODY))).isEmpty();
    }

    @Test
    void aSecretIsNeverShown() {
        assertThat(secret.toString()).doesNotContain("MfKQ9r8");
        assertThatThrownBy(() -> WebhookSecret.of("whsec_%%%secret%%%"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret%"));
        assertThatThrownBy(() -> WebhookSecret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
