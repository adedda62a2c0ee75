package io.github.camelvideo.sora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoDownloadException;
import io.github.camelvideo.core.media.Mp4Probe;

/** What stays on disk after a route: the component's output file, storyboard working files, partial downloads. */
class SoraFilesTest extends SoraTestSupport {

    private Path published;

    @Override
    protected RoutesBuilder createRouteBuilder() throws IOException {
        published = Files.createTempDirectory("sora-published");
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:store")
                        .to("sora:textToVideo?seconds=4&deleteAfterRoute=true")
                        .to("file:" + published);
                from("direct:keep")
                        .to("sora:textToVideo?seconds=4")
                        .log("Stored ${body} as ${header.CamelFileName}")
                        .setHeader("logged", simple("Stored ${body}"))
                        .to("file:" + published);
                from("direct:storeFails")
                        .to("sora:textToVideo?seconds=4&deleteAfterRoute=true")
                        .throwException(new IOException("The bucket is unreachable"));
                from("direct:storyboard")
                        .to("sora:storyboard?storyboardMode=stitch&deleteAfterRoute=true&size="
                            + SoraStoryboardTest.SIZE)
                        .to("file:" + published);
            }
        };
    }

    @Test
    void deleteAfterRouteLeavesOnlyTheCopyTheRouteStored() throws Exception {
        Exchange result = template.send("direct:store", e -> e.getMessage().setBody("A kite over the dunes"));

        assertThat(result.getException()).isNull();
        String name = result.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> outputFiles().isEmpty());
        assertThat(files(published)).containsExactly(published.resolve(name));
        assertThat(Mp4Probe.probe(published.resolve(name)).durationSeconds()).isCloseTo(4.0, within(0.5));
    }

    @Test
    void byDefaultTheComponentsFileStaysInTheOutputDirectory() throws Exception {
        Exchange result = template.send("direct:keep", e -> e.getMessage().setBody("A kite over the dunes"));

        File file = result.getMessage().getBody(File.class);
        assertThat(outputFiles()).containsExactly(file.toPath());
        assertThat(files(published)).containsExactly(published.resolve(file.getName()));
    }

    @Test
    void theBodyAsTextIsThePathNotTheVideo() {
        Exchange result = template.send("direct:keep", e -> e.getMessage().setBody("A kite over the dunes"));

        File file = result.getMessage().getBody(File.class);
        assertThat(result.getMessage().getHeader("logged")).isEqualTo("Stored " + file.getPath());
        assertThat(result.getMessage().getBody(String.class)).isEqualTo(file.getPath());
        assertThat(result.getMessage().getBody(byte[].class)).hasSize((int) file.length());
    }

    @Test
    void aFailedExchangeKeepsThePaidVideo() throws Exception {
        Exchange result = template.send("direct:storeFails", e -> e.getMessage().setBody("A kite over the dunes"));

        assertThat(result.getException()).hasMessage("The bucket is unreachable");
        String id = result.getMessage().getHeader(SoraConstants.VIDEO_ID, String.class);
        assertThat(outputFiles()).containsExactly(output.resolve(id + ".mp4"));
    }

    @Test
    void aStoryboardLeavesNeitherWorkingFilesNorItsVideoBehind() throws Exception {
        Exchange result = template.send("direct:storyboard",
                e -> e.getMessage().setBody(SoraStoryboardTest.threeScenes()));

        assertThat(result.getException()).isNull();
        String name = result.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> outputFiles().isEmpty());
        assertThat(files(published)).containsExactly(published.resolve(name));
    }

    @Test
    void aDownloadThatKeepsFailingLeavesNoPartialFile() throws Exception {
        emulator.faults().resetDownload(100, 1000);

        Exchange result = send("sora:textToVideo?seconds=4", "A kite over the dunes");

        assertThat(failureOf(result)).isInstanceOf(VideoDownloadException.class);
        assertThat(outputFiles()).as("no .mp4 and no .part file").isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
