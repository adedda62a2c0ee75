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

/** The API key is checked by the server and never shows up in messages, endpoint URIs or logs. */
class SoraSecretsTest extends SoraTestSupport {

    private static final String SERVER_KEY = "sk-server-side-key-abcdefghijklmnop";
    private static VideoEmulator strict;

    @BeforeAll
    static void startStrictEmulator() throws IOException {
        strict = VideoEmulator.builder().apiKey(SERVER_KEY).jobDuration(Duration.ofMillis(300)).pollAfterMs(50)
                .start();
    }

    @AfterAll
    static void stopStrictEmulator() {
        strict.close();
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorThatDoesNotRevealTheKey() {
        Exchange result = send("sora:textToVideo?baseUrl=" + strict.baseUrl(), "A prompt");

        Throwable e = failureOf(result);
        assertThat(e).isInstanceOf(VideoAuthenticationException.class).hasMessageContaining("401");
        assertThat(e.getMessage()).doesNotContain(API_KEY);
        assertThat(strict.jobCount()).isZero();
    }

    @Test
    void rightKeyWorks() {
        Exchange result = send("sora:textToVideo?apiKey=RAW(" + SERVER_KEY + ")&baseUrl=" + strict.baseUrl(),
                "A prompt");
        assertThat(result.getException()).isNull();
        assertThat(strict.jobCount()).isEqualTo(1);
    }

    @Test
    void keyInTheUriIsMaskedAndNeverLogged() throws IOException {
        Endpoint endpoint = context.getEndpoint("sora:textToVideo?apiKey=RAW(" + API_KEY + ")");
        assertThat(endpoint.toString()).doesNotContain(API_KEY);
        assertThat(((SoraEndpoint) endpoint).getConfiguration().toString()).doesNotContain(API_KEY);

        send("sora:textToVideo?apiKey=RAW(" + API_KEY + ")", "A prompt");
        emulator.faults().failJobs(1, "moderation_blocked", "blocked");
        send("sora:textToVideo", "A prompt");

        Path log = Path.of("target", "sora-tests.log");
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).contains("Video job").doesNotContain(API_KEY).doesNotContain(SERVER_KEY);
    }
}
