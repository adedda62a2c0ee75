package io.github.camelvideo.kling.nativeapi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.http.JsonApi;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWT Kling's API takes: HS256 over iss, exp and nbf, kept and made again before it expires. */
class KlingJwtTest {

    private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void theTokenIsSignedWithTheSecretKeyAndNamesTheAccessKeyAsIssuer() throws Exception {
        String token = new KlingJwt("ak-1", "sk-1", Clock.fixed(START, ZoneOffset.UTC)).token();

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = JsonApi.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode payload = JsonApi.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("HS256");
        assertThat(payload.path("iss").asText()).isEqualTo("ak-1");
        assertThat(payload.path("exp").asLong()).isEqualTo(START.getEpochSecond() + 1800);
        assertThat(payload.path("nbf").asLong()).isEqualTo(START.getEpochSecond() - 5);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sk-1".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(Base64.getUrlDecoder().decode(parts[2]))
                .isEqualTo(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theTokenIsKeptThenMadeAgainFiveMinutesBeforeItExpires() {
        MovingClock clock = new MovingClock();
        KlingJwt jwt = new KlingJwt("ak", "sk", clock);
        String first = jwt.token();

        clock.now = START.plus(Duration.ofMinutes(24));
        assertThat(jwt.token()).isEqualTo(first);

        clock.now = START.plus(Duration.ofMinutes(25));
        assertThat(jwt.token()).isNotEqualTo(first);
        assertThat(jwt.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(55)));
    }

    @Test
    void aTokenTheServerCalledExpiredIsReplaced() {
        MovingClock clock = new MovingClock();
        KlingJwt jwt = new KlingJwt("ak", "sk", clock);
        String first = jwt.token();
        clock.now = START.plusSeconds(1);

        jwt.renew();

        assertThat(jwt.token()).isNotEqualTo(first);
        assertThat(jwt.toString()).doesNotContain("sk").doesNotContain(first);
    }

    private static final class MovingClock extends Clock {
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
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
