package io.github.camelvideo.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EmulatorUrlsTest {

    @Test
    void everySurfaceHasItsUrl() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().start()) {
            String root = "http://127.0.0.1:" + emulator.port();

            assertThat(emulator.rootUrl()).isEqualTo(root);
            assertThat(emulator.baseUrl()).isEqualTo(root + "/v1");
            assertThat(emulator.geminiBaseUrl()).isEqualTo(root + "/v1beta");
            assertThat(emulator.vertexBaseUrl()).isEqualTo(root + "/v1");
            assertThat(emulator.storageBaseUrl()).isEqualTo(root);
            assertThat(emulator.tokenUrl()).isEqualTo(root + "/token");
        }
    }

    @Test
    void theAccessTokenOptionConfiguresVertex() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VideoEmulator.Builder help = EmulatorMain.parse(new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(help).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--access-token").contains("Veo");

        VideoEmulator.Builder builder = EmulatorMain.parse(new String[] {"--port", "0", "--access-token", "ya29.cli"},
                System.out);
        try (VideoEmulator emulator = builder.start()) {
            GoogleTestClient google = new GoogleTestClient(emulator, null, "ya29.cli");
            emulator.putStorageObject("b", "o", new byte[] {1, 2, 3}, null);

            assertThat(google.vertexGetBytes(google.storageUrl("b", "o") + "?alt=media").body()).containsExactly(1, 2, 3);
            assertThat(google.withBearer("other").vertexGet(google.storageUrl("b", "o")).statusCode()).isEqualTo(401);
            assertThat(emulator.storageObject("b", "o")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(emulator.storageObject("b", "missing")).isEmpty();
        }
    }

    @Test
    void unknownPathsStillGetOpenAiAnswers() throws Exception {
        try (VideoEmulator emulator = VideoEmulator.builder().start()) {
            TestClient openai = new TestClient(emulator.rootUrl(), "k");

            assertThat(TestClient.json(openai.get("/v2/other")).at("/error/type").asText())
                    .isEqualTo("invalid_request_error");
        }
    }
}
