package io.github.camelvideo.core.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackTokensTest {

    private static final String RECEIVER = "https://videos.example.com/kling/callbacks";

    private final CallbackTokens tokens = CallbackTokens.of(WebhookSecret.of("callback-secret"));

    @Test
    void aCallbackOnTheUrlGivenIsVerified() {
        String url = tokens.urlFor(RECEIVER);

        assertThat(url).startsWith(RECEIVER + "?ref=").contains("&token=");
        assertThat(tokens.verifier().verify(callback(url, "{}")).isVerified()).isTrue();
    }

    @Test
    void eachCreateCallGetsItsOwnRef() {
        assertThat(tokens.urlFor(RECEIVER)).isNotEqualTo(tokens.urlFor(RECEIVER));
    }

    @Test
    void aUrlWithAQueryAlreadyKeepsIt() {
        String url = tokens.urlFor(RECEIVER + "?tenant=a");

        assertThat(url).startsWith(RECEIVER + "?tenant=a&ref=");
        assertThat(tokens.verifier().verify(callback(url, "{}")).isVerified()).isTrue();
    }

    @Test
    void aTokenForAnotherRefIsRefused() {
        String first = query(tokens.urlFor(RECEIVER));
        String second = query(tokens.urlFor(RECEIVER));
        String forged = first.substring(0, first.indexOf("&token=")) + second.substring(second.indexOf("&token="));

        assertThat(verify(tokens, forged).refusal()).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void aTokenMadeWithAnotherKeyIsRefused() {
        CallbackTokens other = CallbackTokens.of(WebhookSecret.of("another-secret"));

        assertThat(verify(tokens, query(other.urlFor(RECEIVER))).refusal()).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void withoutASecretTheJvmKeyIsSharedByAllProviders() {
        String url = CallbackTokens.of(null).urlFor(RECEIVER);

        assertThat(verify(CallbackTokens.of(null), query(url)).isVerified()).isTrue();
        assertThat(verify(tokens, query(url)).refusal()).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void aCallbackWithoutRefOrTokenIsMalformed() {
        assertThat(verify(tokens, null).refusal()).isEqualTo(WebhookRefusal.MALFORMED);
        assertThat(verify(tokens, "ref=abc").refusal()).isEqualTo(WebhookRefusal.MALFORMED);
        assertThat(verify(tokens, "token=abc").refusal()).isEqualTo(WebhookRefusal.MALFORMED);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeTheToken() {
        String url = tokens.urlFor(RECEIVER);
        String body = "x".repeat(tokens.verifier().maxBodyBytes() + 1);

        assertThat(tokens.verifier().verify(callback(url, body)).refusal()).isEqualTo(WebhookRefusal.TOO_LARGE);
    }

    @Test
    void theTargetNamesItsUrlButNotItsKey() {
        CallbackTarget target = new CallbackTarget(RECEIVER, tokens);

        assertThat(target.tokenUrl()).startsWith(RECEIVER + "?ref=");
        assertThat(target.toString()).isEqualTo("CallbackTarget[" + RECEIVER + "]");
    }

    private static WebhookVerifier.Verification verify(CallbackTokens tokens, String query) {
        return tokens.verifier().verify(new WebhookRequest(Map.of(), query, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    private static WebhookRequest callback(String url, String body) {
        return new WebhookRequest(Map.of("Content-Type", "application/json"), query(url),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String query(String url) {
        return URI.create(url).getRawQuery();
    }
}
