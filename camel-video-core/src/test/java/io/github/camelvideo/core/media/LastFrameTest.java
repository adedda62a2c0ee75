package io.github.camelvideo.core.media;

import static io.github.camelvideo.core.media.JCodecClips.BLUE;
import static io.github.camelvideo.core.media.JCodecClips.GREEN;
import static io.github.camelvideo.core.media.JCodecClips.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.builder.DefaultMp4Builder;

class LastFrameTest {

    /** FFmpeg and this decoder differ only by rounding; a wrong frame or a decoding error scores below 30 dB. */
    private static final double SAME_PICTURE_DB = 40;
    private static final int COLOUR_TOLERANCE = 24;

    @TempDir
    Path dir;

    @Test
    void givesTheLastFrameDecodedFromTheLastKeyFrame() throws IOException {
        Path clip = JCodecClips.render(dir.resolve("clip.mp4"), 200, 120, 4, BLUE, BLUE, BLUE, BLUE, BLUE, GREEN, RED);

        BufferedImage last = Images.read(LastFrame.png(clip));

        assertThat(last.getWidth()).isEqualTo(200);
        assertThat(last.getHeight()).isEqualTo(120);
        assertAllOver(last, RED);
    }

    @Test
    void givesTheLastFrameOfAClipOfKeyFramesOnly() throws IOException {
        Path clip = JCodecClips.render(dir.resolve("clip.mp4"), 64, 48, 1, BLUE, GREEN, RED);

        assertAllOver(Images.read(LastFrame.png(clip)), RED);
    }

    @Test
    void givesTheOnlyFrameOfAOneFrameClip() throws IOException {
        Path clip = JCodecClips.render(dir.resolve("clip.mp4"), 32, 32, 1, GREEN);

        assertAllOver(Images.read(LastFrame.png(clip)), GREEN);
    }

    @Test
    void givesTheFrameShownLastNotTheOneStoredLast() throws IOException {
        // x264 with B-frames stores a B-frame after the frame shown last; only the last frame has the red square
        BufferedImage last = Images.read(LastFrame.png(Fixtures.path(Fixtures.TESTSRC)));

        assertThat(last.getWidth()).isEqualTo(320);
        assertThat(last.getHeight()).isEqualTo(180);
        assertThat(Images.distance(last.getRGB(32, 32), RED)).isLessThan(COLOUR_TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = { Fixtures.TESTSRC, Fixtures.MAIN_30FPS, Fixtures.VERTICAL })
    void decodesRealEncoderOutputAsFfmpegDoes(String fixture) throws IOException {
        BufferedImage reference = Images.resource(Fixtures.lastFrameOf(fixture));

        BufferedImage last = Images.read(LastFrame.png(Fixtures.path(fixture)));

        assertThat(last.getWidth()).isEqualTo(reference.getWidth());
        assertThat(last.getHeight()).isEqualTo(reference.getHeight());
        assertThat(Images.psnr(last, reference)).isGreaterThan(SAME_PICTURE_DB);
    }

    @Test
    void keepsTheDisplaySizeOfAPortraitClip() throws IOException {
        // 180 pixels are 11.25 macroblocks: the stream codes 192 and crops
        BufferedImage last = Images.read(LastFrame.png(Fixtures.path(Fixtures.VERTICAL)));

        assertThat(last.getWidth()).isEqualTo(180);
        assertThat(last.getHeight()).isEqualTo(320);
    }

    @Test
    void refusesAFileWithoutVideo() throws IOException {
        Path audio = audioOnly(dir.resolve("sound-only.mp4"));

        assertThatThrownBy(() -> LastFrame.png(audio))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("sound-only.mp4")
                .hasMessageContaining("no video track");
    }

    @Test
    void refusesVideoItCannotDecode() {
        assertThatThrownBy(() -> LastFrame.png(Fixtures.path(Fixtures.HEVC)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("hevc.mp4")
                .hasMessageContaining("hvc1, not H.264");
    }

    @Test
    void refusesAFileThatIsNotAnMp4() throws IOException {
        Path text = Files.writeString(dir.resolve("error.mp4"), "{\"error\": \"quota exceeded\"}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LastFrame.png(text))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("error.mp4");
    }

    @Test
    void closesTheFile() throws IOException {
        assumeTrue(OpenFiles.listed(), "the system does not list open files");
        Path clip = JCodecClips.render(dir.resolve("clip.mp4"), 32, 32, 2, BLUE, RED);

        LastFrame.png(clip);

        assertThat(OpenFiles.under(dir)).isEmpty();
    }

    private static void assertAllOver(BufferedImage image, int rgb) {
        int[][] points = { { 0, 0 }, { image.getWidth() - 1, 0 }, { 0, image.getHeight() - 1 },
                           { image.getWidth() - 1, image.getHeight() - 1 }, { image.getWidth() / 2, image.getHeight() / 2 } };
        for (int[] point : points) {
            assertThat(Images.distance(image.getRGB(point[0], point[1]), rgb))
                    .as("colour at %d,%d: %06x", point[0], point[1], image.getRGB(point[0], point[1]) & 0xffffff)
                    .isLessThan(COLOUR_TOLERANCE);
        }
    }

    /** The audio track of a fixture alone in an MP4. */
    static Path audioOnly(Path target) throws IOException {
        try (Mp4File source = Mp4File.open(Fixtures.path(Fixtures.TESTSRC));
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Movie movie = new Movie();
            movie.addTrack(source.firstTrack(Mp4File.AUDIO).orElseThrow());
            new DefaultMp4Builder().build(movie).writeContainer(out);
        }
        return target;
    }
}
