package io.github.camelvideo.emulator;

import static io.github.camelvideo.emulator.GoogleTestClient.VERTEX_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import org.junit.jupiter.api.Test;

/** Google's auth library, given a service account key whose token_uri is the emulator, gets a usable token. */
class ServiceAccountCredentialsTest {

    @Test
    void serviceAccountCredentialsRefreshAgainstTheEmulator() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        // PKCS#8 PEM as a service account key file holds it, newlines escaped for JSON.
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";

        try (VideoEmulator emulator = VideoEmulator.builder().accessToken("ya29.only-static")
                .jobDuration(Duration.ofHours(1)).start()) {
            String key = "{\"type\":\"service_account\",\"project_id\":\"test-project\",\"private_key_id\":\"k1\","
                    + "\"private_key\":\"" + pem + "\",\"client_email\":\"emulator@test-project.iam.gserviceaccount.com\","
                    + "\"client_id\":\"1\",\"token_uri\":\"" + emulator.tokenUrl() + "\"}";
            GoogleCredentials credentials = ServiceAccountCredentials
                    .fromStream(new ByteArrayInputStream(key.getBytes(StandardCharsets.UTF_8)))
                    .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));

            AccessToken token = credentials.refreshAccessToken();

            assertThat(token.getTokenValue()).startsWith("ya29.emu-");
            assertThat(emulator.requests("POST", "/token")).hasSize(1);
            assertThat(new GoogleTestClient(emulator, null, token.getTokenValue())
                    .vertexCreate(VERTEX_MODEL, "{\"instances\":[{\"prompt\":\"p\"}]}").statusCode()).isEqualTo(200);
        }
    }
}
