package io.github.camelvideo.sora;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Push options that cannot work stop the endpoint at start, naming the option and never the secret. */
class SoraPushOptionsTest extends SoraTestSupport {

    @Test
    void aWebhookPathMustBeAPath() {
        assertThat(startFailure("sora:textToVideo?webhookPath=webhooks&webhookSecret=s").getMessage())
                .contains("webhookPath", "/webhooks/sora");
        assertThat(startFailure("sora:textToVideo?webhookPath=/hooks/{id}&webhookSecret=s").getMessage())
                .contains("webhookPath");
    }

    @Test
    void theSafetyNetIntervalMustBePositive() {
        assertThat(startFailure("sora:textToVideo?webhookPath=/hooks&webhookSecret=s&pollIntervalWithPush=0")
                .getMessage()).contains("pollIntervalWithPush");
    }

    @Test
    void aCallbackBaseUrlMustBeAnHttpUrl() {
        assertThat(startFailure("sora:textToVideo?webhookPath=/hooks&webhookSecret=s&callbackBaseUrl=videos.example")
                .getMessage()).contains("callbackBaseUrl");
    }

    @Test
    void pushWithoutASecretNamesTheOptionAndTheVariable() {
        assumeTrue(System.getenv(SoraComponent.WEBHOOK_SECRET_ENV) == null);
        assertThatThrownBy(() -> context.getEndpoint("sora:textToVideo?webhookPath=/hooks/nosecret"))
                .hasStackTraceContaining("webhookSecret").hasStackTraceContaining("OPENAI_WEBHOOK_SECRET");
    }

    @Test
    void aMalformedSecretIsReportedWithoutItsValue() {
        String secret = "whsec_not*base64*secret-value";
        assertThatThrownBy(() -> context.getEndpoint("sora:textToVideo?webhookPath=/hooks/bad&webhookSecret=RAW("
                                                     + secret + ")"))
                .hasStackTraceContaining("not base64")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("secret-value");
                    }
                });
    }
}
