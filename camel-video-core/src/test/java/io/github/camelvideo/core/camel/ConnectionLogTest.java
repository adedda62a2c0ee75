package io.github.camelvideo.core.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.testing.CapturedLog;

class ConnectionLogTest {

    private static final String PUBLIC = "https://api.example-provider.com/v1";
    private static final String KEY = "sk-canary-connection-0123456789";

    private final ConnectionLog log = new ConnectionLog();

    @Test
    void thePublicEndpointWithAKeyFromTheEnvironmentIsAWarningNamingTheVariableNotTheKey() {
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            log.report("sora", PUBLIC, PUBLIC, Credential.ofEnvironment(KEY, "EXAMPLE_API_KEY"));

            assertThat(captured.lines()).singleElement().asString()
                    .startsWith("WARN sora sends requests to " + PUBLIC + ", the provider's public endpoint")
                    .contains("the EXAMPLE_API_KEY environment variable")
                    .doesNotContain(KEY);
        }
    }

    @Test
    void thePublicEndpointWithAConfiguredKeyIsInformation() {
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            log.report("sora", PUBLIC + "/", PUBLIC, Credential.ofOption(KEY, "apiKey"));

            assertThat(captured.lines()).singleElement().asString()
                    .startsWith("INFO sora sends requests to " + PUBLIC + "/, the provider's public endpoint")
                    .contains("the apiKey option")
                    .doesNotContain(KEY);
        }
    }

    @Test
    void anotherBaseUrlIsReportedOnceWithoutWhatCouldHoldASecret() {
        try (CapturedLog captured = CapturedLog.of(ConnectionLog.class)) {
            String url = "http://user:" + KEY + "@localhost:8089/v1?key=" + KEY;

            log.report("veo", url, PUBLIC, Credential.ofOption(KEY, "apiKey"));
            log.report("veo", url, PUBLIC, Credential.ofOption(KEY, "apiKey"));

            assertThat(captured.lines()).singleElement().asString()
                    .isEqualTo("INFO veo sends requests to http://localhost:8089/v1 (not the provider's default "
                               + PUBLIC + "); credential: the apiKey option");
        }
    }

    @Test
    void aCredentialPrintsItsSourceOnly() {
        assertThat(Credential.ofOption(KEY, "apiKey")).hasToString("credential from the apiKey option");
    }
}
