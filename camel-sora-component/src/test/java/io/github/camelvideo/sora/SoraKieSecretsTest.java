package io.github.camelvideo.sora;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoAuthenticationException;
import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/** On provider kie the Kie key and the webhookHmacKey never show up in messages, endpoint URIs or logs. */
class SoraKieSecretsTest extends SoraTestSupport {

    private static final String SERVER_KEY = "kie-server-side-key-abcdefghijklmnop";
    private static final String HMAC_KEY = "kie-hmac-secret-abcdefghijklmnop";
    private static VideoEmulator strict;

    @BeforeAll
    static void startStrictEmulator() throws IOException {
        strict = VideoEmulator.builder().kieKey(SERVER_KEY).jobDuration(Duration.ofMillis(300)).start();
    }

    @AfterAll
    static void stopStrictEmulator() {
        strict.close();
    }

    @Override
    void configure(SoraConfiguration c) {
        super.configure(c);
        c.setProvider(SoraProviders.KIE);
        c.setBaseUrl(strict.kieBaseUrl());
        c.setApiKey(SoraKieTest.KIE_KEY);
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorThatDoesNotRevealTheKey() {
        Exchange result = send("sora:textToVideo", "A prompt");

        Throwable e = failureOf(result);
        assertThat(e).isInstanceOf(VideoAuthenticationException.class).hasMessageContaining("401");
        assertThat(e.getMessage()).doesNotContain(SoraKieTest.KIE_KEY);
        assertThat(strict.jobCount()).isZero();
    }

    @Test
    void theKeysInTheUriAreMaskedAndNeverLogged() throws IOException {
        String uri = "sora:textToVideo?download=false&apiKey=RAW(" + SERVER_KEY + ")&webhookHmacKey=RAW(" + HMAC_KEY
                     + ")";
        Endpoint endpoint = context.getEndpoint(uri);
        assertThat(endpoint.toString()).doesNotContain(SERVER_KEY).doesNotContain(HMAC_KEY);
        assertThat(((SoraEndpoint) endpoint).getConfiguration().toString()).doesNotContain(SERVER_KEY)
                .doesNotContain(HMAC_KEY);

        Exchange result = send(uri, "A prompt");
        assertThat(result.getException()).isNull();
        assertThat(strict.jobCount()).isEqualTo(1);

        String text = Files.readString(Path.of("target", "sora-tests.log"), StandardCharsets.UTF_8);
        assertThat(text).contains("kie-sora").doesNotContain(SERVER_KEY).doesNotContain(HMAC_KEY)
                .doesNotContain(SoraKieTest.KIE_KEY);
    }
}
