package io.github.camelvideo.kling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The fal key goes only to the queue, as Authorization: Key, and never shows up in URIs, messages or logs. */
class KlingSecretsTest extends KlingTestSupport {

    @Test
    void theKeyGoesToTheQueueOnlyAndNeverToTheMediaUrl() {
        Exchange result = send("kling:textToVideo?duration=3", "A prompt");

        assertThat(result.getException()).isNull();
        List<RecordedRequest> all = emulator.requests();
        assertThat(all).filteredOn(r -> r.path().startsWith("/fal/"))
                .allMatch(r -> ("Key " + FAL_KEY).equals(r.header("Authorization")));
        assertThat(all).filteredOn(r -> r.path().startsWith("/fal-media/")).isNotEmpty()
                .allMatch(r -> r.header("Authorization") == null);
    }

    @Test
    void aKeyInTheUriIsMaskedAndNeverLogged() throws IOException {
        Endpoint endpoint = context.getEndpoint("kling:textToVideo?apiKey=RAW(" + FAL_KEY + ")");
        assertThat(endpoint.toString()).doesNotContain(FAL_KEY);
        assertThat(((KlingEndpoint) endpoint).getConfiguration().toString()).doesNotContain(FAL_KEY);

        send("kling:textToVideo?apiKey=RAW(" + FAL_KEY + ")&duration=3", "A prompt");
        emulator.faults().failJobs(1, "runner_server_error", "the runner failed");
        send("kling:textToVideo?duration=3", "A prompt");

        Path log = Path.of("target", "kling-tests.log");
        assertThat(log).exists();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Video job").doesNotContain(FAL_KEY);
    }
}
