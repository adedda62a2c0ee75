package io.github.camelvideo.core.media;

import static io.github.camelvideo.core.media.JCodecClips.BLUE;
import static io.github.camelvideo.core.media.JCodecClips.GREEN;
import static io.github.camelvideo.core.media.JCodecClips.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.IsoFile;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.boxes.iso14496.part12.TrackBox;

import io.github.camelvideo.core.testing.CapturedLog;

class Mp4JoinTest {

    private static final double EXACT = 1e-9;

    @TempDir
    Path dir;

    @Test
    void joinsClipsWithSoundIntoOneOfTheirSummedLength() throws IOException {
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(List.of(fixture(Fixtures.TESTSRC), fixture(Fixtures.SMPTEBARS)), joined);

        Mp4Info info = Mp4Probe.probe(joined);
        assertThat(info.durationSeconds()).isCloseTo(seconds(Fixtures.TESTSRC) + seconds(Fixtures.SMPTEBARS), within(EXACT));
        assertThat(info.size()).isEqualTo("320x180");
        Map<String, TrackFacts> tracks = tracks(joined);
        assertThat(tracks).containsOnlyKeys("vide", "soun");
        // the sound ends with the pictures: the encoders' priming and padding do not add up
        assertThat(tracks.get("soun").duration()).isEqualTo(tracks.get("vide").duration());
        assertThat(tracks.get("vide").sampleCount()).isEqualTo(96);
    }

    @Test
    void endsWithTheLastFrameOfTheLastClip() throws IOException {
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(List.of(fixture(Fixtures.SMPTEBARS), fixture(Fixtures.TESTSRC)), joined);

        assertSamePicture(LastFrame.png(joined), LastFrame.png(fixture(Fixtures.TESTSRC)));
    }

    @Test
    void joinsClipsWithOtherParameterSetsAndFrameRates() throws IOException {
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(List.of(fixture(Fixtures.TESTSRC), fixture(Fixtures.MAIN_30FPS), fixture(Fixtures.SMPTEBARS)), joined);

        assertThat(Mp4Probe.probe(joined).durationSeconds()).isCloseTo(
                seconds(Fixtures.TESTSRC) + seconds(Fixtures.MAIN_30FPS) + seconds(Fixtures.SMPTEBARS), within(EXACT));
        Map<String, TrackFacts> tracks = tracks(joined);
        // High and Main profile parameter sets: two video descriptions; the AAC settings match: one sound description
        assertThat(tracks.get("vide").descriptions()).isEqualTo(2);
        assertThat(tracks.get("soun").descriptions()).isEqualTo(1);
        assertThat(tracks.get("vide").sampleCount()).isEqualTo(48 + 30 + 48);
        assertSamePicture(LastFrame.png(joined), LastFrame.png(fixture(Fixtures.SMPTEBARS)));
    }

    @Test
    void rewritesASingleClip() throws IOException {
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(List.of(fixture(Fixtures.TESTSRC)), joined);

        assertThat(Mp4Probe.probe(joined)).isEqualTo(Mp4Probe.probe(fixture(Fixtures.TESTSRC)));
        assertThat(tracks(joined)).containsOnlyKeys("vide", "soun");
        assertSamePicture(LastFrame.png(joined), LastFrame.png(fixture(Fixtures.TESTSRC)));
    }

    @Test
    void leavesOutTheSoundWhenAClipHasNone() throws IOException {
        Path joined = dir.resolve("joined.mp4");

        try (CapturedLog log = CapturedLog.of(Mp4Join.class)) {
            Mp4Join.join(List.of(fixture(Fixtures.TESTSRC), fixture(Fixtures.SILENT)), joined);

            assertThat(log.lines()).singleElement().asString().startsWith("WARN").contains("without sound", "silent.mp4");
        }
        assertThat(tracks(joined)).containsOnlyKeys("vide");
        assertThat(Mp4Probe.probe(joined).durationSeconds()).isCloseTo(
                seconds(Fixtures.TESTSRC) + seconds(Fixtures.SILENT), within(EXACT));
    }

    @Test
    void joinsClipsWithoutSoundOrEditLists() throws IOException {
        Path first = JCodecClips.render(dir.resolve("first.mp4"), 64, 48, 3, BLUE, BLUE, BLUE, BLUE, BLUE, BLUE);
        Path second = JCodecClips.render(dir.resolve("second.mp4"), 64, 48, 2, GREEN, GREEN, GREEN, RED);
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(List.of(first, second), joined);

        assertThat(Mp4Probe.probe(joined).durationSeconds()).isCloseTo(10.0 / JCodecClips.FPS, within(EXACT));
        assertThat(Images.distance(Images.read(LastFrame.png(joined)).getRGB(32, 24), RED)).isLessThan(24);
    }

    @Test
    void refusesClipsOfAnotherSize() {
        Path joined = dir.resolve("joined.mp4");

        assertThatThrownBy(() -> Mp4Join.join(List.of(fixture(Fixtures.TESTSRC), fixture(Fixtures.VERTICAL)), joined))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot join vertical-9x16.mp4 to testsrc-high.mp4 without re-encoding: its video is 180x320,"
                            + " not 320x180");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesClipsWithAnotherCodec() {
        assertThatThrownBy(() -> Mp4Join.join(List.of(fixture(Fixtures.SILENT), fixture(Fixtures.HEVC)), dir.resolve("joined.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot join hevc.mp4 to silent.mp4 without re-encoding: its video is hvc1, not avc1");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesAClipWithoutVideo() throws IOException {
        Path sound = LastFrameTest.audioOnly(dir.resolve("sound-only.mp4"));

        assertThatThrownBy(() -> Mp4Join.join(List.of(fixture(Fixtures.TESTSRC), sound), dir.resolve("joined.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot join sound-only.mp4: it has no video track");
        assertThat(dir.resolve("joined.mp4")).doesNotExist();
    }

    @Test
    void refusesAMissingClipAndLeavesNothingBehind() {
        assertThatThrownBy(() -> Mp4Join.join(List.of(fixture(Fixtures.TESTSRC), dir.resolve("missing.mp4")),
                dir.resolve("joined.mp4")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing.mp4");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesNoClips() {
        assertThatThrownBy(() -> Mp4Join.join(List.of(), dir.resolve("joined.mp4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesAnExistingTarget() throws IOException {
        Path joined = Files.writeString(dir.resolve("joined.mp4"), "older content");

        Mp4Join.join(List.of(fixture(Fixtures.SILENT)), joined);

        assertThat(Mp4Probe.probe(joined).durationSeconds()).isCloseTo(seconds(Fixtures.SILENT), within(EXACT));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(joined);
        }
    }

    @Test
    void closesEveryClip() throws IOException {
        assumeTrue(OpenFiles.listed(), "the system does not list open files");
        Path first = JCodecClips.render(dir.resolve("first.mp4"), 32, 32, 1, BLUE);
        Path second = JCodecClips.render(dir.resolve("second.mp4"), 32, 32, 1, RED);

        Mp4Join.join(List.of(first, second), dir.resolve("joined.mp4"));

        assertThat(OpenFiles.under(dir)).isEmpty();
    }

    private static Path fixture(String name) {
        return Fixtures.path(name);
    }

    private static double seconds(String fixture) throws IOException {
        return Mp4Probe.probe(fixture(fixture)).durationSeconds();
    }

    private static void assertSamePicture(byte[] png, byte[] expectedPng) {
        BufferedImage image = Images.read(png);
        assertThat(Images.psnr(image, Images.read(expectedPng))).isInfinite();
    }

    /** What the tests check of a track, by handler type. */
    private record TrackFacts(long duration, int descriptions, int sampleCount) {
    }

    private static Map<String, TrackFacts> tracks(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             IsoFile iso = new IsoFile(channel, new PropertyBoxParserImpl().skippingBoxes("mdat"))) {
            return iso.getMovieBox().getBoxes(TrackBox.class).stream().collect(Collectors.toMap(
                    track -> track.getMediaBox().getHandlerBox().getHandlerType(),
                    track -> new TrackFacts(track.getTrackHeaderBox().getDuration(),
                            track.getSampleTableBox().getSampleDescriptionBox().getBoxes().size(),
                            (int) track.getSampleTableBox().getSampleSizeBox().getSampleCount())));
        }
    }
}
