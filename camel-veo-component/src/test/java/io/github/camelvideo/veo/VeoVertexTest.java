package io.github.camelvideo.veo;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.veo.google.VeoJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Every operation on Vertex AI, through real HTTP against the emulator. */
class VeoVertexTest extends VeoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_PATH = "/v1/projects/" + PROJECT
                                             + "/locations/us-central1/publishers/google/models/veo-3.1-generate-001";

    @Test
    void inlineResultIsDecodedIntoTheFileAndNothingIsLeftBehind() throws Exception {
        Exchange result = send("vertex:textToVideo?durationSeconds=4&seed=7&generateAudio=false",
                "A hummingbird at a red flower");

        assertThat(result.getException()).isNull();
        File video = result.getMessage().getBody(File.class);
        assertThat(Mp4Probe.probe(video.toPath()).durationSeconds()).isCloseTo(4.0, within(0.3));
        assertThat(Mp4Probe.probe(video.toPath()).size()).isEqualTo("1280x720");
        assertThat(outputFiles()).containsExactly(video.toPath());
        String name = result.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);
        assertThat(name).startsWith(MODEL_PATH.substring("/v1/".length()) + "/operations/");

        RecordedRequest create = emulator.requests("POST", ".*:predictLongRunning").get(0);
        assertThat(create.path()).isEqualTo(MODEL_PATH + ":predictLongRunning");
        assertThat(create.header("authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        JsonNode parameters = JSON.readTree(create.body()).path("parameters");
        assertThat(parameters.path("seed").asInt()).isEqualTo(7);
        assertThat(parameters.path("generateAudio").isBoolean()).isTrue();
        RecordedRequest poll = emulator.requests("POST", ".*:fetchPredictOperation").get(0);
        assertThat(poll.path()).isEqualTo(MODEL_PATH + ":fetchPredictOperation");
        assertThat(JSON.readTree(poll.body()).path("operationName").asText()).isEqualTo(name);
        assertThat(emulator.requests("GET", "/storage/.*")).isEmpty();
    }

    @Test
    void storageResultIsReadThroughCloudStorageWithTheSameToken() throws Exception {
        Exchange result = send("vertex:textToVideo?storageUri=gs://camel-video-bucket/renders/",
                "A snowy mountain pass");

        assertThat(result.getException()).isNull();
        String uri = result.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class);
        assertThat(uri).startsWith("gs://camel-video-bucket/renders/").endsWith(".mp4");
        assertThat(Mp4Probe.probe(result.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(8.0, within(0.3));
        RecordedRequest read = emulator.requests("GET", "/storage/v1/b/camel-video-bucket/o/.*").get(0);
        assertThat(read.header("authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(read.query()).contains("alt=media");
    }

    @Test
    void extendTakesAGcsUri() throws Exception {
        Exchange first = send("vertex:textToVideo?storageUri=gs://camel-video-bucket/x", "A red balloon");
        String uri = first.getMessage().getHeader(VeoConstants.VIDEO_URI, String.class);

        Exchange extended = send("vertex:extend", "The balloon drifts over the rooftops", VeoConstants.VIDEO_URI,
                uri);

        assertThat(extended.getException()).isNull();
        assertThat(Mp4Probe.probe(extended.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(15.0, within(0.3));
        JsonNode video = JSON.readTree(emulator.requests("POST", ".*:predictLongRunning").get(1).body())
                .path("instances").get(0).path("video");
        assertThat(video.path("gcsUri").asText()).isEqualTo(uri);
    }

    @Test
    void extendTakesTheMp4AsBody() throws Exception {
        Exchange first = send("vertex:textToVideo?durationSeconds=6", "A paper plane");
        File earlier = first.getMessage().getBody(File.class);

        Exchange extended = send("vertex:extend", earlier, VeoConstants.PROMPT, "It lands on a desk");

        assertThat(extended.getException()).isNull();
        assertThat(Mp4Probe.probe(extended.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(13.0, within(0.3));
        JsonNode video = JSON.readTree(emulator.requests("POST", ".*:predictLongRunning").get(1).body())
                .path("instances").get(0).path("video");
        assertThat(Base64.getDecoder().decode(video.path("bytesBase64Encoded").asText()))
                .isEqualTo(Files.readAllBytes(earlier.toPath()));
    }

    @Test
    void getOperationAndDownloadVideoFollowAnOperationByName() throws Exception {
        Exchange submitted = send("vertex:textToVideo?waitForCompletion=false&durationSeconds=4", "A windmill");
        String name = submitted.getMessage().getHeader(VeoConstants.OPERATION_NAME, String.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> send("vertex:getOperation", null,
                VeoConstants.OPERATION_NAME, name).getMessage().getBody(VeoJob.class).done());
        Exchange downloaded = send("vertex:downloadVideo", null, VeoConstants.OPERATION_NAME, name);
        assertThat(downloaded.getException()).isNull();
        assertThat(Mp4Probe.probe(downloaded.getMessage().getBody(File.class).toPath()).durationSeconds())
                .isCloseTo(4.0, within(0.3));

        Exchange status = send("vertex:getOperation", null, VeoConstants.OPERATION_NAME, name);
        VeoJob job = status.getMessage().getBody(VeoJob.class);
        assertThat(job.done()).isTrue();
        assertThat(job.videos()).singleElement().satisfies(v -> assertThat(v.inline()).isTrue());
        // the inline copy read by getOperation is not kept anywhere
        assertThat(outputFiles()).containsExactly(downloaded.getMessage().getBody(File.class).toPath());
    }

    @Test
    void aServiceAccountKeyIsExchangedForTokensByGooglesAuthLibrary() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                     + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                     + "\n-----END PRIVATE KEY-----\n";
        String key = JSON.writeValueAsString(Map.of("type", "service_account", "project_id", PROJECT,
                "private_key_id", "k1", "private_key", pem, "client_email",
                "renderer@" + PROJECT + ".iam.gserviceaccount.com", "client_id", "1", "token_uri",
                emulator.tokenUrl()));
        Path keyFile = output.resolve("key.json");
        Files.writeString(keyFile, key);

        Exchange result = send("vertex:textToVideo?durationSeconds=4&accessToken=&serviceAccountKey=" + keyFile,
                "A lantern festival");

        assertThat(result.getException()).isNull();
        assertThat(emulator.requests("POST", "/token")).hasSize(1);
        String bearer = emulator.requests("POST", ".*:predictLongRunning").get(0).header("authorization");
        assertThat(bearer).startsWith("Bearer ya29.").isNotEqualTo("Bearer " + ACCESS_TOKEN);
    }
}
