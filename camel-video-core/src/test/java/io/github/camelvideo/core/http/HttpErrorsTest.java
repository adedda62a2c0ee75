package io.github.camelvideo.core.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.core.error.VideoException;
import io.github.camelvideo.core.error.VideoRateLimitedException;
import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.error.VideoServerException;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorsTest {

    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private static VideoException answer(int status, String body) {
        return HttpErrors.toException("gemini", "op-1", status, NO_HEADERS,
                JsonApi.parseError(status, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWrongGoogleApiKeyIsAnAuthenticationFailureThoughTheStatusIs400() {
        VideoException e = answer(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid"
                                       + " API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                                       + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                                       + "\"domain\":\"googleapis.com\"}]}}");
        assertThat(e).isInstanceOf(VideoAuthenticationException.class);
        assertThat(e.getProviderCode()).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void resourceExhaustedIsRateLimitedAndOtherGoogleStatusesFollowTheHttpStatus() {
        assertThat(answer(429, "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}"))
                .isInstanceOf(VideoRateLimitedException.class);
        assertThat(answer(400, "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}}"))
                .isInstanceOf(VideoRequestInvalidException.class);
        assertThat(answer(401, "{\"error\":{\"code\":401,\"message\":\"no\",\"status\":\"UNAUTHENTICATED\"}}"))
                .isInstanceOf(VideoAuthenticationException.class);
        assertThat(answer(500, "{\"error\":{\"code\":500,\"message\":\"oops\",\"status\":\"INTERNAL\"}}"))
                .isInstanceOf(VideoServerException.class);
    }

    @Test
    void anAnswerWithoutEnvelopeStillMapsByStatus() {
        assertThat(answer(404, "not found")).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("HTTP 404");
        assertThat(List.of(answer(503, ""))).allMatch(e -> e instanceof VideoServerException);
    }
}
