package io.github.camelvideo.core.protocol.fal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoContentPolicyException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;
import io.github.camelvideo.core.spi.ErrorCategory;

import static org.assertj.core.api.Assertions.assertThat;

/** fal's two error shapes, read and mapped to the engine's exceptions and job errors. */
class FalErrorsTest {

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);

    private static FalError parse(int status, String body, HttpHeaders headers) {
        return FalErrors.parse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void aContentCheckersRefusalIsAContentPolicyExceptionWithItsCategories() {
        FalError error = parse(422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"The content was flagged by"
                                    + " a content checker.\",\"type\":\"content_policy_violation\",\"categories\":"
                                    + "[\"sexual\",\"violence\"]}]}", NONE);

        assertThat(FalErrors.toException("fal", "r-1", error, NONE))
                .isInstanceOfSatisfying(VideoContentPolicyException.class, e -> {
                    assertThat(e.getReasons()).containsExactly("sexual", "violence");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getJobId()).isEqualTo("r-1");
                });
        assertThat(FalErrors.jobError(error).category()).isEqualTo(ErrorCategory.CONTENT_POLICY);
    }

    @Test
    void aValidationErrorNamesTheFieldFromLoc() {
        FalError error = parse(422, "{\"detail\":[{\"loc\":[\"body\",\"duration\"],\"msg\":\"Input should be '5' or"
                                    + " '10'\",\"type\":\"literal_error\"}]}", NONE);

        assertThat(FalErrors.toException("fal", null, error, NONE))
                .isInstanceOfSatisfying(VideoRequestInvalidException.class, e -> {
                    assertThat(e.getField()).isEqualTo("duration");
                    assertThat(e.getMessage()).contains("duration: Input should be");
                    assertThat(e.getProviderCode()).isEqualTo("literal_error");
                });
        assertThat(FalErrors.jobError(error).category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    }

    @Test
    void aRequestErrorsCategoryComesFromTheBodyOrTheHeader() {
        FalError fromBody = parse(504, "{\"detail\":\"Request timed out\",\"error_type\":\"request_timeout\"}", NONE);
        FalError fromHeader = parse(503, "{\"detail\":\"No runner\"}",
                headers(FalErrors.ERROR_TYPE_HEADER, "runner_scheduling_failure"));

        assertThat(fromBody.errorType()).isEqualTo("request_timeout");
        assertThat(fromHeader.errorType()).isEqualTo("runner_scheduling_failure");
        assertThat(FalErrors.toException("fal", null, fromBody, NONE)).isInstanceOf(VideoServerException.class)
                .hasMessageContaining("504").hasMessageContaining("request_timeout");
        assertThat(FalErrors.jobError(fromHeader).category()).isEqualTo(ErrorCategory.PROVIDER);
        assertThat(FalErrors.isOutcome(fromBody)).as("fal's stored answer of the request").isTrue();
    }

    @Test
    void aGatewaysErrorPageOnTheResultReadIsNoOutcomeButAFailureToRead() {
        FalError gateway = parse(502, "<html>Bad gateway</html>", NONE);

        assertThat(gateway.falBody()).isFalse();
        assertThat(FalErrors.isOutcome(gateway)).isFalse();
        assertThat(FalErrors.isOutcome(parse(429, "{\"detail\":\"slow down\"}", NONE))).isFalse();
        assertThat(FalErrors.isOutcome(parse(401, "{\"detail\":\"no key\"}", NONE))).isFalse();
    }

    @Test
    void authenticationAndRateLimitFollowTheStatus() {
        assertThat(FalErrors.toException("fal", null, parse(401, "{\"detail\":\"Invalid key\"}", NONE), NONE))
                .isInstanceOf(VideoAuthenticationException.class);
        assertThat(FalErrors.toException("fal", null, parse(403, "{\"detail\":\"Forbidden\"}", NONE), NONE))
                .isInstanceOf(VideoAuthenticationException.class);
        HttpHeaders retry = headers("Retry-After", "7");
        assertThat(FalErrors.toException("fal", null, parse(429, "{\"detail\":\"busy\"}", retry), retry))
                .isInstanceOfSatisfying(VideoRateLimitedException.class,
                        e -> assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }
}
