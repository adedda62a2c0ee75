package io.github.camelvideo.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.builder.DefaultMp4Builder;
import org.mp4parser.muxer.container.mp4.MovieCreator;
import org.mp4parser.muxer.tracks.ChangeTimeScaleTrack;

class Mp4JoinTest {

    @TempDir
    Path dir;

    @Test
    void theJoinedFilePlaysTheFirstFilesSamplesThenTheSeconds() throws Exception {
        FrameStore frames = new FrameStore(320, 240);
        Path first = dir.resolve("first.mp4");
        Path second = dir.resolve("second.mp4");
        Mp4Renderer.render(first, frames, 4);
        Mp4Renderer.render(second, frames, 4, 2);
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(first, second, joined);

        Mp4Probe probe = Mp4Probe.of(joined);
        assertThat(probe.durationSeconds()).isEqualTo(6.0);
        assertThat(probe.width()).isEqualTo(320);
        assertThat(probe.height()).isEqualTo(240);
        List<String> expected = new ArrayList<>(Mp4Samples.of(first).digests());
        expected.addAll(Mp4Samples.of(second).digests());
        Mp4Samples samples = Mp4Samples.of(joined);
        assertThat(samples.digests()).isEqualTo(expected);
        assertThat(samples.descriptions()).as("identical codec set-ups are described once").isEqualTo(1);
    }

    @Test
    void theSecondPartTakesTheTimescaleOfTheFirst() throws Exception {
        Path rendered = dir.resolve("rendered.mp4");
        Mp4Renderer.render(rendered, 320, 240, 4);
        Path first = withTimescale(rendered, 90_000, dir.resolve("first.mp4"));
        Path second = dir.resolve("second.mp4");
        Mp4Renderer.render(second, 320, 240, 2);
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(first, second, joined);

        Mp4Samples samples = Mp4Samples.of(joined);
        assertThat(samples.timescale()).isEqualTo(90_000);
        assertThat(samples.durations()).hasSize(12).containsOnly(45_000L);
        assertThat(Mp4Probe.of(joined).durationSeconds()).isEqualTo(6.0);
    }

    @Test
    void differentCodecSetUpsKeepTheirOwnDescriptions() throws Exception {
        Path first = dir.resolve("first.mp4");
        Path second = dir.resolve("second.mp4");
        Mp4Renderer.render(first, 320, 240, 2);
        Mp4Renderer.render(second, 160, 120, 1);
        Path joined = dir.resolve("joined.mp4");

        Mp4Join.join(first, second, joined);

        Mp4Samples samples = Mp4Samples.of(joined);
        assertThat(samples.descriptions()).isEqualTo(2);
        assertThat(samples.count()).isEqualTo(6);
        assertThat(Mp4Probe.of(joined).width()).isEqualTo(320);
    }

    @Test
    void aFileThatIsNoMp4IsRefused() throws Exception {
        Path video = dir.resolve("video.mp4");
        Mp4Renderer.render(video, 320, 240, 1);
        Path text = Files.writeString(dir.resolve("text.mp4"), "not a video");

        assertThatThrownBy(() -> Mp4Join.join(video, text, dir.resolve("joined.mp4"))).isInstanceOf(IOException.class);
    }

    /** A copy of {@code source} whose video track counts time in {@code timescale} units per second. */
    private static Path withTimescale(Path source, long timescale, Path target) throws IOException {
        Movie movie = MovieCreator.build(source.toString());
        Track track = movie.getTracks().get(0);
        Movie rescaled = new Movie();
        // Every rendered frame is a sync sample.
        long[] syncSamples = LongStream.rangeClosed(1, track.getSamples().size()).toArray();
        rescaled.addTrack(new ChangeTimeScaleTrack(track, timescale, syncSamples));
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new DefaultMp4Builder().build(rescaled).writeContainer(out);
        } finally {
            track.close();
        }
        return target;
    }
}
