package io.github.camelvideo.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaLibraryTest {

    @Test
    void concurrentRequestsShareOneRendering() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MediaLibrary library = new MediaLibrary()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return library.video(320, 240, 4);
                }));
            }
            go.countDown();
            Path first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Path> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
            try (Stream<Path> files = Files.list(library.directory())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("video_320x240_4.mp4");
            }
            assertThat(Mp4Probe.of(first).durationSeconds()).isEqualTo(4.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aContinuedVideoIsItsSourcesFileThenFramesThatCarryOn() throws Exception {
        try (MediaLibrary library = new MediaLibrary()) {
            Footage source = Footage.fresh(320, 240, 4);

            Path continued = library.video(source.continued(8));

            assertThat(Mp4Probe.of(continued).durationSeconds()).isEqualTo(12.0);
            Mp4Samples samples = Mp4Samples.of(continued);
            assertThat(samples.digests(0, 8)).isEqualTo(Mp4Samples.of(library.video(source)).digests());
            // The new frames carry on from second 4, so the whole reads as one 12 s rendering.
            assertThat(samples.digests()).isEqualTo(Mp4Samples.of(library.video(320, 240, 12)).digests());
            assertThat(samples.descriptions()).isEqualTo(1);
        }
    }

    @Test
    void aContinuationOfAContinuationStartsWithItsSourcesFile() throws Exception {
        try (MediaLibrary library = new MediaLibrary()) {
            Footage once = Footage.fresh(320, 240, 4).continued(4);

            Path twice = library.video(once.continued(4));

            assertThat(Mp4Probe.of(twice).durationSeconds()).isEqualTo(12.0);
            assertThat(Mp4Samples.of(twice).digests(0, 16)).isEqualTo(Mp4Samples.of(library.video(once)).digests());
        }
    }

    @Test
    void uploadsAreKeptOnceAndCanBeContinued(@TempDir Path dir) throws Exception {
        Path rendered = dir.resolve("sent.mp4");
        Mp4Renderer.render(rendered, 320, 240, 2);
        byte[] sent = Files.readAllBytes(rendered);
        try (MediaLibrary library = new MediaLibrary()) {
            Footage upload = library.upload(sent, 320, 240, 2);

            assertThat(library.upload(sent.clone(), 320, 240, 2)).isEqualTo(upload);
            assertThat(Files.readAllBytes(library.video(upload))).isEqualTo(sent);
            Path continued = library.video(upload.continued(3));
            assertThat(Mp4Probe.of(continued).durationSeconds()).isEqualTo(5.0);
            assertThat(Mp4Samples.of(continued).digests(0, 4)).isEqualTo(Mp4Samples.of(rendered).digests());
            try (Stream<Path> files = Files.list(library.directory())) {
                assertThat(files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("upload_") && !n.contains("_plus"))).hasSize(1);
            }
        }
    }

    @Test
    void thumbnailAndSpritesheetAreRealImages() throws Exception {
        try (MediaLibrary library = new MediaLibrary()) {
            byte[] thumbnail = Files.readAllBytes(library.thumbnail(1280, 720));
            assertThat(new String(thumbnail, 0, 4)).isEqualTo("RIFF");
            assertThat(new String(thumbnail, 8, 8)).isEqualTo("WEBPVP8L");

            BufferedImage sheet = ImageIO.read(library.spritesheet(1280, 720, 8).toFile());
            assertThat(sheet).isNotNull();
            // 8 tiles of 160x90 in a 3-column grid
            assertThat(sheet.getWidth()).isEqualTo(3 * 160);
            assertThat(sheet.getHeight()).isEqualTo(3 * 90);
        }
    }

    @Test
    void closeDeletesTheRenderedFiles() throws Exception {
        MediaLibrary library = new MediaLibrary();
        library.thumbnail(64, 64);
        Path directory = library.directory();

        library.close();

        assertThat(directory).doesNotExist();
    }
}
