package io.github.camelvideo.sora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.core.storyboard.Storyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs that used to get through to a paid create, or fail with an untyped error: each is refused with a
 * {@link VideoRequestInvalidException} naming the option or header and the value, and nothing is created.
 */
class SoraBadInputsTest extends SoraTestSupport {

    @AfterEach
    void nothingWasPaidFor() {
        assertThat(emulator.requests("POST", "/v1/videos")).as("create requests").isEmpty();
    }

    @Test
    void aTruncatedImageIsRefused() {
        byte[] png = TestImages.png(1280, 720);
        VideoRequestInvalidException e = refused(send("sora:imageToVideo?size=1280x720",
                Arrays.copyOf(png, png.length - 40), SoraConstants.PROMPT, "The ball rolls"));
        assertThat(e.getField()).isEqualTo("image");
        assertThat(e).hasMessageContaining("not a whole PNG image").hasMessageContaining("a truncated file?");
    }

    @Test
    void anImageOfAnotherSizeThanTheVideoIsRefused() {
        VideoRequestInvalidException e = refused(send("sora:imageToVideo?size=720x1280", TestImages.png(1280, 720),
                SoraConstants.PROMPT, "The ball rolls"));
        assertThat(e.getField()).isEqualTo("image");
        assertThat(e).hasMessageContaining("a 1280x720 image for a 720x1280 video")
                .hasMessageContaining("Allowed: an image of exactly 720x1280 pixels");

        // without a size, sora-2 makes the API's default 720x1280
        assertThat(refused(send("sora:imageToVideo", TestImages.png(1280, 720), SoraConstants.PROMPT, "p")))
                .hasMessageContaining("720x1280 video (the API's default size)");
        assertThat(refused(send("sora:imageToVideo", TestImages.png(640, 360), SoraConstants.PROMPT, "p",
                SoraConstants.SIZE, "1280x720"))).hasMessageContaining("a 640x360 image for a 1280x720 video");

        Storyboard board = Storyboard.builder().firstFrame(TestImages.png(640, 360)).scene("The boat leaves", 4)
                .build();
        VideoRequestInvalidException storyboard = refused(send("sora:storyboard?size=1280x720", board));
        assertThat(storyboard.getField()).isEqualTo("firstFrame");
        assertThat(storyboard).hasMessageContaining("a 640x360 image for a 1280x720 video");
    }

    @Test
    void anOutputDirectoryThatIsAFileStopsTheEndpointAndEachCreate() throws Exception {
        Path file = Files.writeString(output.resolve("not-a-directory"), "x");
        VideoRequestInvalidException atStart = startFailure("sora:textToVideo?outputDirectory=" + file);
        assertThat(atStart.getField()).isEqualTo("outputDirectory");
        assertThat(atStart).hasMessageContaining("'" + file + "'").hasMessageContaining("is a file");

        // the directory was fine when the endpoint started, and became a file before the message came
        Path later = output.resolve("later");
        String uri = "sora:textToVideo?outputDirectory=" + later;
        context.getEndpoint(uri).createProducer().start();
        Files.delete(later);
        Files.writeString(later, "x");
        VideoRequestInvalidException beforeCreate = refused(send(uri, "A prompt"));
        assertThat(beforeCreate.getField()).isEqualTo("outputDirectory");
        assertThat(beforeCreate).hasMessageContaining("'" + later + "'").hasMessageContaining("is a file");
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenStopsTheEndpointAndEachCreate() throws IOException {
        Path readOnly = unwritableDirectory();
        VideoRequestInvalidException atStart = startFailure("sora:textToVideo?outputDirectory=" + readOnly);
        assertThat(atStart.getField()).isEqualTo("outputDirectory");
        assertThat(atStart).hasMessageContaining("'" + readOnly + "'")
                .hasMessageContaining("no file can be written there");

        Path under = Files.writeString(output.resolve("plain-file"), "x").resolve("videos");
        VideoRequestInvalidException cannotCreate = startFailure("sora:textToVideo?outputDirectory=" + under);
        assertThat(cannotCreate).hasMessageContaining("'" + under + "'").hasMessageContaining("cannot be created");
    }

    @Test
    void anUnknownModelsValuesAreNamedWhenTheServerRefusesThem() {
        Exchange result = send("sora:textToVideo?model=open-video-1&seconds=7&size=640x480", "A prompt");
        // documented pass-through: the request goes out unchecked, and the server has the last word
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(1);
        VideoRequestInvalidException e = refused(result);
        assertThat(e).hasMessageContaining("HTTP 400")
                .hasMessageContaining("The model 'open-video-1' is unknown to the component's model rules, so"
                                      + " seconds=7, size=640x480 were passed through unchecked");
        emulator.clearRequests();
    }

    @Test
    void anUnknownOperationHeaderIsRefused() {
        VideoRequestInvalidException e = refused(send("sora:textToVideo", "A prompt", SoraConstants.OPERATION,
                "explode"));
        assertThat(e.getField()).isEqualTo(SoraConstants.OPERATION);
        assertThat(e).hasMessageContaining("Invalid CamelSoraOperation header: unknown operation 'explode'")
                .hasMessageContaining("Allowed: textToVideo, imageToVideo, remix, extend, storyboard, getVideo");
    }

    @Test
    void negativeDurationsAndCountsStopTheEndpoint() {
        assertStartRefused("sora:textToVideo?timeout=-1", "timeout", "'-1 ms'", "a positive duration");
        assertStartRefused("sora:textToVideo?timeout=0", "timeout", "'0 ms'", "a positive duration");
        assertStartRefused("sora:textToVideo?pollInitialDelay=-5", "pollInitialDelay", "'-5 ms'",
                "zero or a positive duration");
        assertStartRefused("sora:textToVideo?pollMaxInterval=-1000", "pollMaxInterval", "'-1000 ms'",
                "zero or a positive duration");
        assertStartRefused("sora:textToVideo?pollMultiplier=0.5", "pollMultiplier", "'0.5'", "at least 1");
        assertStartRefused("sora:textToVideo?maxConcurrentJobs=-1", "maxConcurrentJobs", "'-1'", "0 (no limit)");
        assertStartRefused("sora:listVideos?limit=101", "limit", "'101'", "0 to 100");
    }

    private void assertStartRefused(String uri, String option, String... fragments) {
        VideoRequestInvalidException e = startFailure(uri);
        assertThat(e.getField()).isEqualTo(option);
        assertThat(e).hasMessageStartingWith("Invalid " + option);
        for (String fragment : fragments) {
            assertThat(e).hasMessageContaining(fragment);
        }
    }

    private static VideoRequestInvalidException refused(Exchange result) {
        assertThat(failureOf(result)).isInstanceOf(VideoRequestInvalidException.class);
        return (VideoRequestInvalidException) failureOf(result);
    }

    /**
     * A directory no file can be created in: one without write permission, or, where this process writes whatever
     * the permissions say (as root does), Linux's /proc.
     */
    private Path unwritableDirectory() throws IOException {
        Path readOnly = Files.createDirectory(output.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        try {
            Files.delete(Files.createTempFile(readOnly, "probe", ".tmp"));
        } catch (IOException expected) {
            return readOnly;
        }
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc), "needs a directory no file can be created in");
        return proc;
    }
}
