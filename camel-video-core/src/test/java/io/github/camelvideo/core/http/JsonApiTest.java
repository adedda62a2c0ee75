package io.github.camelvideo.core.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonApiTest {

    @Test
    void readsOpenAiAndGoogleEnvelopes() {
        ApiError openai = JsonApi.parseError(400, ("{\"error\":{\"message\":\"bad seconds\",\"type\":"
                                                   + "\"invalid_request_error\",\"param\":\"seconds\",\"code\":"
                                                   + "\"invalid_value\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(openai).isEqualTo(new ApiError("invalid_value", "bad seconds", "seconds"));

        ApiError google = JsonApi.parseError(429, ("{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":"
                                                   + "\"RESOURCE_EXHAUSTED\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(google).isEqualTo(new ApiError("RESOURCE_EXHAUSTED", "quota", null));
    }

    @Test
    void summarisesBodiesThatAreNotAnEnvelope() {
        assertThat(JsonApi.parseError(502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)).message())
                .isEqualTo("HTTP 502: <html>Bad gateway</html>");
    }
}
