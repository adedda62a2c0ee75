package io.github.camelvideo.core.protocol.kie;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.http.JsonApi;
import io.github.camelvideo.core.spi.ErrorCategory;

import static org.assertj.core.api.Assertions.assertThat;

/** Kie's envelope, error codes, task record and callback signature. */
class KieProtocolTest {

    private static KieEnvelope parse(int status, String body) {
        return KieEnvelope.parse(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void envelopeCodeWinsOverHttp200AndBothMessageKeysAreRead() {
        KieEnvelope a = parse(200, "{\"code\":402,\"msg\":\"Credits insufficient\"}");
        assertThat(a.ok()).isFalse();
        assertThat(a.code()).isEqualTo(402);
        assertThat(a.message()).isEqualTo("Credits insufficient");
        assertThat(parse(200, "{\"code\":200,\"message\":\"success\",\"data\":{\"taskId\":\"t1\"}}").data()
                .path("taskId").asText()).isEqualTo("t1");
        assertThat(parse(502, "<html>bad gateway</html>").code()).isEqualTo(502);
    }

    @Test
    void codesMapToTypedExceptions() {
        assertThat(KieErrors.toException("kie-kling", null, parse(200, "{\"code\":401,\"msg\":\"x\"}")))
                .isInstanceOf(VideoAuthenticationException.class);
        assertThat(KieErrors.toException("kie-kling", null, parse(200, "{\"code\":402,\"msg\":\"x\"}")))
                .isInstanceOf(VideoBudgetExceededException.class).matches(e -> !e.isRetryable());
        assertThat(KieErrors.toException("kie-kling", null, parse(200, "{\"code\":422,\"msg\":\"x\"}")))
                .isInstanceOf(VideoRequestInvalidException.class);
        assertThat(KieErrors.toException("kie-kling", null, parse(429, "{\"code\":429,\"msg\":\"x\"}")))
                .isInstanceOf(VideoRateLimitedException.class);
        assertThat(KieErrors.toException("kie-kling", null, parse(200, "{\"code\":455,\"msg\":\"x\"}")))
                .isInstanceOf(VideoServerException.class).matches(e -> e.isRetryable());
        assertThat(KieErrors.toException("kie-kling", null, parse(200, "{\"code\":500,\"msg\":\"x\"}")))
                .isInstanceOf(VideoServerException.class);
        assertThat(KieErrors.toException("kie-kling", null,
                parse(200, "{\"code\":422,\"msg\":\"prompt flagged by content policy\"}")))
                .isInstanceOf(VideoContentPolicyException.class);
    }

    @Test
    void recordReadsResultJsonStringAndFailure() throws Exception {
        KieRecord ok = KieRecord.of(JsonApi.MAPPER.readTree(
                "{\"taskId\":\"t1\",\"state\":\"success\",\"resultJson\":\"{\\\"resultUrls\\\":[\\\"https://x/v.mp4\\\"]}\"}"));
        assertThat(ok.done()).isTrue();
        assertThat(ok.resultUrls()).containsExactly("https://x/v.mp4");
        KieRecord failed = KieRecord.of(JsonApi.MAPPER.readTree(
                "{\"task_id\":\"t2\",\"state\":\"fail\",\"failCode\":\"400\",\"failMsg\":\"sensitive content\"}"));
        assertThat(failed.taskId()).isEqualTo("t2");
        assertThat(KieErrors.jobError(failed.failCode(), failed.failMsg()).category())
                .isEqualTo(ErrorCategory.CONTENT_POLICY);
    }

    @Test
    void signatureCoversTaskIdAndTimestampWithinWindow() {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String ts = "1800000000";
        String sig = KieSignature.sign(key, "t1", ts);
        assertThat(KieSignature.verify(key, "t1", ts, sig, now)).isTrue();
        assertThat(KieSignature.verify(key, "t2", ts, sig, now)).isFalse();
        assertThat(KieSignature.verify(key, "t1", ts, sig, now.plusSeconds(301))).isFalse();
        assertThat(KieSignature.verify("other".getBytes(StandardCharsets.UTF_8), "t1", ts, sig, now)).isFalse();
    }
}
