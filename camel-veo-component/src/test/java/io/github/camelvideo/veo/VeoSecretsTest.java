package io.github.camelvideo.veo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys and tokens never show up in endpoint URIs, configuration dumps, messages or logs. */
class VeoSecretsTest extends VeoTestSupport {

    private static final String KEY_JSON_SECRET = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-canary";

    @Test
    void credentialsInTheUriAreMasked() {
        Endpoint gemini = context.getEndpoint("veo:textToVideo?apiKey=RAW(" + API_KEY + ")");
        assertThat(gemini.toString()).doesNotContain(API_KEY);
        assertThat(((VeoEndpoint) gemini).getConfiguration().toString()).doesNotContain(API_KEY);

        Endpoint vertex = context.getEndpoint("vertex:textToVideo?accessToken=RAW(" + ACCESS_TOKEN
                                              + ")&serviceAccountKey=RAW(" + KEY_JSON_SECRET + ")");
        assertThat(vertex.toString()).doesNotContain(ACCESS_TOKEN).doesNotContain(KEY_JSON_SECRET);
    }

    @Test
    void aBrokenServiceAccountKeyIsReportedWithoutItsContent() {
        Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> context
                .getEndpoint("vertex:textToVideo?accessToken=&serviceAccountKey=RAW({\"private_key\":\""
                             + KEY_JSON_SECRET + "\"})")
                .createProducer().start());
        assertThat(rootMessage(e)).contains("serviceAccountKey").doesNotContain(KEY_JSON_SECRET);
    }

    @Test
    void nothingSecretIsLogged() throws IOException {
        send("veo:textToVideo?durationSeconds=4", "A prompt");
        send("vertex:textToVideo?durationSeconds=4", "A prompt");
        emulator.faults().failJobs(1, "13", "failed");
        send("veo:textToVideo?durationSeconds=4", "A prompt");

        Path log = Path.of("target", "veo-tests.log");
        assertThat(log).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).contains("Video job").doesNotContain(API_KEY).doesNotContain(ACCESS_TOKEN)
                .doesNotContain(KEY_JSON_SECRET);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
