package io.github.camelvideo.core.protocol.fal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.webhook.WebhookEvent;
import io.github.camelvideo.core.webhook.WebhookRefusal;
import io.github.camelvideo.core.webhook.WebhookRequest;
import io.github.camelvideo.core.webhook.WebhookVerifier.Verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * fal's webhook signatures checked against keys generated here and served as a JWKS by a fetcher the test controls:
 * a genuine delivery, a changed body, a key not in the JWKS, a timestamp outside ±300 s, malformed headers, and the
 * key cache's background refresh (on its TTL, on an unknown key at most once per interval, never blocking).
 */
class FalWebhookVerifierTest {

    private static final String REQUEST_ID = "024ca5b1-45d3-4afd-883e-ad3abe2a1c4d";
    private static final String USER_ID = "user-123";
    private static final byte[] BODY = ("{\"request_id\":\"" + REQUEST_ID + "\",\"gateway_request_id\":\"" + REQUEST_ID
                                        + "\",\"status\":\"OK\",\"payload\":{\"video\":{\"url\":\"https://v/x.mp4\"}}}")
            .getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final KeyPair fal = generate();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private FalJwks keys;
    private FalWebhookVerifier verifier;

    @BeforeEach
    void setUp() {
        jwks.set(jwks(fal));
        keys = new FalJwks(this::fetch, "test", clock, Duration.ofHours(1), Duration.ofSeconds(30)).start();
        verifier = new FalWebhookVerifier(keys, FalWebhookVerifier.DEFAULT_TOLERANCE, 1024, clock);
    }

    private CompletionStage<byte[]> fetch() {
        fetches.incrementAndGet();
        String document = jwks.get();
        return document == null ? CompletableFuture.failedFuture(new IllegalStateException("unreachable"))
                : CompletableFuture.completedFuture(document.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGenuineDeliveryIsVerifiedWithTheRequestIdAndTimestampAsItsId() {
        long now = clock.instant().getEpochSecond();
        Verification v = verifier.verify(signed(fal, REQUEST_ID, USER_ID, now, BODY));

        assertThat(v.isVerified()).isTrue();
        assertThat(v.deliveryId()).isEqualTo(REQUEST_ID + ":" + now);
        assertThat(v.signedAt()).isEqualTo(Instant.ofEpochSecond(now));
        WebhookEvent event = new FalWebhookEvents().read(BODY);
        assertThat(event.jobId()).isEqualTo(REQUEST_ID);
        assertThat(event.type()).isEqualTo("fal.OK");
    }

    @Test
    void anyKeyOfTheJwksMayHaveSigned() {
        KeyPair rotated = generate();
        jwks.set("{\"keys\":[" + jwk(fal) + ",{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}," + jwk(rotated) + "]}");
        clock.advance(Duration.ofHours(2)); // past the TTL: the next verification refreshes in the background
        long now = clock.instant().getEpochSecond();
        verifier.verify(signed(fal, REQUEST_ID, USER_ID, now, BODY));

        assertThat(fetches).hasValue(2);
        assertThat(verifier.verify(signed(rotated, REQUEST_ID, USER_ID, now, BODY)).isVerified()).isTrue();
        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, now, BODY)).isVerified()).isTrue();
    }

    @Test
    void aChangedBodyOrAChangedSignedHeaderIsRefused() {
        long now = clock.instant().getEpochSecond();
        WebhookRequest genuine = signed(fal, REQUEST_ID, USER_ID, now, BODY);
        byte[] changed = Arrays.copyOf(BODY, BODY.length);
        changed[changed.length - 3] = 'X';

        assertThat(verifier.verify(new WebhookRequest(headersOf(genuine), null, changed)).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        Map<String, String> otherUser = headersOf(genuine);
        otherUser.put(FalWebhookVerifier.USER_ID_HEADER, "someone-else");
        assertThat(verifier.verify(new WebhookRequest(otherUser, null, BODY)).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        Map<String, String> otherRequest = headersOf(genuine);
        otherRequest.put(FalWebhookVerifier.REQUEST_ID_HEADER, "another-request");
        assertThat(verifier.verify(new WebhookRequest(otherRequest, null, BODY)).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void aKeyNotInTheJwksIsRefusedAndRefreshesTheKeysAtMostOncePerInterval() {
        long now = clock.instant().getEpochSecond();
        KeyPair stranger = generate();
        clock.advance(Duration.ofSeconds(31));

        assertThat(verifier.verify(signed(stranger, REQUEST_ID, USER_ID, now, BODY)).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        assertThat(fetches).as("the unknown key made the keys be read again").hasValue(2);
        for (int i = 0; i < 20; i++) {
            verifier.verify(signed(stranger, REQUEST_ID, USER_ID, now, BODY));
        }
        assertThat(fetches).as("forged deliveries do not make the keys be read again within the interval")
                .hasValue(2);

        // fal rotates the stranger's key in: once the interval has passed, a delivery under it is accepted
        jwks.set("{\"keys\":[" + jwk(fal) + "," + jwk(stranger) + "]}");
        clock.advance(Duration.ofSeconds(31));
        long later = clock.instant().getEpochSecond();
        assertThat(verifier.verify(signed(stranger, REQUEST_ID, USER_ID, later, BODY)).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        assertThat(verifier.verify(signed(stranger, REQUEST_ID, USER_ID, later, BODY)).isVerified()).isTrue();
    }

    @Test
    void timestampsOutsideThreeHundredSecondsEitherWayAreRefused() {
        long now = clock.instant().getEpochSecond();

        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, now - 300, BODY)).isVerified()).isTrue();
        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, now + 300, BODY)).isVerified()).isTrue();
        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, now - 301, BODY)).refusal())
                .isEqualTo(WebhookRefusal.STALE);
        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, now + 301, BODY)).refusal())
                .isEqualTo(WebhookRefusal.STALE);
    }

    @Test
    void missingOrMalformedHeadersAndOversizedBodiesAreRefusedBeforeAnySignatureCheck() {
        long now = clock.instant().getEpochSecond();
        WebhookRequest genuine = signed(fal, REQUEST_ID, USER_ID, now, BODY);
        for (String header : List.of(FalWebhookVerifier.REQUEST_ID_HEADER, FalWebhookVerifier.USER_ID_HEADER,
                FalWebhookVerifier.TIMESTAMP_HEADER, FalWebhookVerifier.SIGNATURE_HEADER)) {
            Map<String, String> without = headersOf(genuine);
            without.remove(header);
            assertThat(verifier.verify(new WebhookRequest(without, null, BODY)).refusal()).as(header)
                    .isEqualTo(WebhookRefusal.MALFORMED);
        }
        Map<String, String> base64 = headersOf(genuine);
        base64.put(FalWebhookVerifier.SIGNATURE_HEADER, Base64.getEncoder().encodeToString(new byte[64]));
        assertThat(verifier.verify(new WebhookRequest(base64, null, BODY)).refusal())
                .isEqualTo(WebhookRefusal.MALFORMED);
        Map<String, String> isoTime = headersOf(genuine);
        isoTime.put(FalWebhookVerifier.TIMESTAMP_HEADER, "2026-12-04T12:00:00Z");
        assertThat(verifier.verify(new WebhookRequest(isoTime, null, BODY)).refusal())
                .isEqualTo(WebhookRefusal.MALFORMED);
        byte[] large = new byte[2048];
        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, now, large)).refusal())
                .isEqualTo(WebhookRefusal.TOO_LARGE);
        assertThat(fetches).as("no refusal here asked for the keys again").hasValue(1);
    }

    @Test
    void untilTheKeysWereReadNothingIsAcceptedAndAFailedReadKeepsTheKeysKnown() {
        jwks.set(null);
        FalJwks unreachable = new FalJwks(this::fetch, "test", clock, Duration.ofHours(1), Duration.ofSeconds(30))
                .start();
        FalWebhookVerifier closed = new FalWebhookVerifier(unreachable, Duration.ofSeconds(300), 1024, clock);
        long now = clock.instant().getEpochSecond();
        assertThat(unreachable.loaded()).isFalse();
        assertThat(closed.verify(signed(fal, REQUEST_ID, USER_ID, now, BODY)).refusal())
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);

        // the keys read at start stay in use when a refresh fails
        clock.advance(Duration.ofHours(2));
        long later = clock.instant().getEpochSecond();
        assertThat(verifier.verify(signed(fal, REQUEST_ID, USER_ID, later, BODY)).isVerified()).isTrue();
        assertThat(keys.loaded()).isTrue();
    }

    @Test
    void aVerificationNeverWaitsForTheKeys() {
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        FalJwks slow = new FalJwks(() -> pending, "test", clock, Duration.ofHours(1), Duration.ofSeconds(30)).start();
        FalWebhookVerifier v = new FalWebhookVerifier(slow, Duration.ofSeconds(300), 1024, clock);
        long now = clock.instant().getEpochSecond();

        assertThat(v.verify(signed(fal, REQUEST_ID, USER_ID, now, BODY)).refusal())
                .as("answered at once, while the keys are still being read").isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        pending.complete(jwks(fal).getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(signed(fal, REQUEST_ID, USER_ID, now, BODY)).isVerified()).isTrue();
    }

    @Test
    void jwksKeysAreReadFromTheirRawBase64UrlBytes() {
        assertThat(FalJwks.parse(jwks(fal).getBytes(StandardCharsets.UTF_8))).containsExactly(fal.getPublic());
        assertThat(FalJwks.ed25519("not base64!")).isNull();
        assertThat(FalJwks.ed25519(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[31]))).isNull();
        assertThatThrownBy(() -> FalJwks.parse("{\"no\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsWithoutARequestIdAreNotEvents() {
        FalWebhookEvents events = new FalWebhookEvents();
        assertThat(events.read("{\"request_id\":\"r-1\",\"status\":\"ERROR\",\"error\":\"Invalid status code: 422\"}"
                .getBytes(StandardCharsets.UTF_8))).satisfies(e -> {
                    assertThat(e.jobId()).isEqualTo("r-1");
                    assertThat(e.type()).isEqualTo("fal.ERROR");
                });
        assertThatThrownBy(() -> events.read("{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> events.read("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A delivery signed as fal signs it. */
    static WebhookRequest signed(KeyPair key, String requestId, String userId, long timestamp, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-fal-webhook-request-id", requestId);
        headers.put("x-fal-webhook-user-id", userId);
        headers.put("x-fal-webhook-timestamp", Long.toString(timestamp));
        headers.put("x-fal-webhook-signature", sign(key, FalWebhookVerifier.message(requestId, userId,
                Long.toString(timestamp), body)));
        return new WebhookRequest(headers, null, body);
    }

    private static Map<String, String> headersOf(WebhookRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of(FalWebhookVerifier.REQUEST_ID_HEADER, FalWebhookVerifier.USER_ID_HEADER,
                FalWebhookVerifier.TIMESTAMP_HEADER, FalWebhookVerifier.SIGNATURE_HEADER)) {
            headers.put(name, request.header(name));
        }
        return headers;
    }

    private static String sign(KeyPair key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(message);
            return HexFormat.of().formatHex(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(KeyPair key) {
        return "{\"keys\":[" + jwk(key) + "]}";
    }

    /** The JWK of a key: its raw 32 bytes are the end of the X.509 encoding. */
    private static String jwk(KeyPair key) {
        byte[] encoded = key.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
               + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}";
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
