package io.github.camelvideo.sora;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.camel.ConnectionLog;
import io.github.camelvideo.core.testing.CapturedLog;

/** An endpoint says at start where its requests go and where its key comes from, never the key. */
class SoraConnectionLogTest extends SoraTestSupport {

    @Test
    void theEmulatorsBaseUrlIsReportedWithTheKeysSource() throws Exception {
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            context.getEndpoint("sora:getVideo").start();

            assertThat(String.join("\n", captured.lines()))
                    .contains("sora sends requests to " + emulator.baseUrl())
                    .contains("not the provider's default " + SoraConfiguration.DEFAULT_BASE_URL)
                    .contains("the apiKey option")
                    .doesNotContain(API_KEY);
        }
    }

    @Test
    void thePublicOpenAiEndpointIsReportedAsBilled() throws Exception {
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            Endpoint endpoint = context.getEndpoint("sora:getVideo?baseUrl=" + SoraConfiguration.DEFAULT_BASE_URL);
            endpoint.start();

            assertThat(captured.lines()).singleElement().asString()
                    .contains("sora sends requests to https://api.openai.com/v1, the provider's public endpoint,"
                              + " where jobs are billed")
                    .contains("the apiKey option")
                    .doesNotContain(API_KEY);
            assertThat(emulator.requests("GET", ".*")).isEmpty();
        }
    }
}
