package io.github.camelvideo.core.storyboard;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.error.VideoRequestInvalidException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryboardReaderTest {

    /** A whole 8x8 PNG image, as the first frame must be. */
    static final byte[] PNG = png();

    @Test
    void readsAJsonObjectWithStyleAndFirstFrame() {
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
        Storyboard board = StoryboardReader.fromJson("{\"style\":\"Film noir\",\"firstFrame\":\"" + dataUrl + "\","
                                                     + "\"scenes\":[{\"prompt\":\"A door opens\",\"seconds\":4},"
                                                     + "{\"prompt\":\"A figure steps in\"}]}");

        assertThat(board.scenes()).containsExactly(StoryboardScene.of("A door opens", 4),
                StoryboardScene.of("A figure steps in"));
        assertThat(board.style()).isEqualTo("Film noir");
        assertThat(board.firstFrame().bytes()).isEqualTo(PNG);
        assertThat(board.promptOf(2)).isEqualTo("A figure steps in\n\nFilm noir");
    }

    @Test
    void readsAJsonArrayAndListsOfMaps() {
        assertThat(StoryboardReader.fromJson("[{\"prompt\":\"One\",\"seconds\":\"8\"}]").scenes())
                .containsExactly(StoryboardScene.of("One", 8));
        assertThat(StoryboardReader.fromValue(List.of(Map.of("prompt", "One", "seconds", 4))).scenes())
                .containsExactly(StoryboardScene.of("One", 4));
    }

    @Test
    void readsTheFirstFrameFromAFile(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("first.png"), PNG);
        Storyboard board = StoryboardReader.fromValue(Map.of("firstFrame", image.toString(),
                "scenes", List.of(Map.of("prompt", "One"))));
        assertThat(board.firstFrame().bytes()).isEqualTo(PNG);
    }

    @Test
    void explainsWhatIsWrong() {
        assertInvalid("{\"scenes\": 3}", "Invalid scenes: 'a Integer'. Allowed: a list of scenes");
        assertInvalid("{\"scene\": []}", "The storyboard has an unknown field 'scene'");
        assertInvalid("[{\"prompt\":\"One\",\"seconds\":\"four\"}]", "Invalid seconds of scene 1: 'four'");
        assertInvalid("[\"just text\"]", "Invalid scene 1: a String");
        assertInvalid("{\"firstFrame\":\"/no/such/file.png\",\"scenes\":[]}", "cannot read the file");
        assertInvalid("{", "not JSON");
    }

    @Test
    void describesItsShapeOnlyNeverItsPrompts() {
        Storyboard board = Storyboard.builder().style("secret style").scene("secret prompt", 4).build();
        assertThat(board.toString()).doesNotContain("secret");
    }

    @Test
    void fingerprintFollowsTheContent() {
        Storyboard a = Storyboard.builder().scene("One", 4).build();
        assertThat(a.fingerprint()).isEqualTo(Storyboard.builder().scene("One", 4).build().fingerprint())
                .isNotEqualTo(Storyboard.builder().scene("One", 8).build().fingerprint());
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> StoryboardReader.fromJson(json)).isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining(message);
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
