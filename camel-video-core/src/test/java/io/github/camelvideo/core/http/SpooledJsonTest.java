package io.github.camelvideo.core.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpooledJsonTest {

    @TempDir
    Path dir;

    @Test
    void decodesInlineMediaIntoFilesAndKeepsTheRestOfTheTree() throws IOException {
        byte[] video = new byte[3 * 1024 * 1024 + 7];
        new Random(42).nextBytes(video);
        Path json = dir.resolve("op.json");
        try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            w.write("{\"name\":\"projects/p/operations/1\",\"done\":true,\"response\":{\"videos\":[{\"mimeType\":"
                    + "\"video/mp4\",\"bytesBase64Encoded\":\"");
            w.write(Base64.getEncoder().encodeToString(video));
            w.write("\"}],\"raiMediaFilteredCount\":0,\"list\":[1,\"two\",null,{\"x\":false}]}}");
        }

        JsonNode tree = new SpooledJson(Set.of("bytesBase64Encoded"), dir.resolve("spool")).read(json);

        JsonNode entry = tree.path("response").path("videos").get(0);
        assertThat(entry.has("bytesBase64Encoded")).isFalse();
        assertThat(entry.path("mimeType").asText()).isEqualTo("video/mp4");
        Path decoded = Path.of(entry.path(SpooledJson.SPOOLED_FIELD).asText());
        assertThat(Files.readAllBytes(decoded)).isEqualTo(video);
        assertThat(tree.path("name").asText()).isEqualTo("projects/p/operations/1");
        assertThat(tree.path("done").asBoolean()).isTrue();
        assertThat(tree.path("response").path("list").toString()).isEqualTo("[1,\"two\",null,{\"x\":false}]");
    }

    @Test
    void leavesOtherStringsAlone() throws IOException {
        Path json = dir.resolve("small.json");
        Files.writeString(json, "{\"name\":\"models/veo/operations/abc\",\"encodedVideo\":5}");
        JsonNode tree = new SpooledJson(Set.of("encodedVideo"), dir).read(json);
        assertThat(tree.path("encodedVideo").asInt()).isEqualTo(5); // not a string: not media
    }
}
