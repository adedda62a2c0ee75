package io.github.camelvideo.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mp4parser.muxer.Track;

class TimelineTest {

    @Test
    void eachVideoClipStartsWhereThePreviousEnds() throws IOException {
        try (Mp4File first = open(Fixtures.TESTSRC); Mp4File second = open(Fixtures.SMPTEBARS)) {
            Timeline timeline = VideoTimeline.of(List.of(video(first), video(second)));

            long[] shown = presentationTimes(timeline);
            int secondClip = (int) timeline.clipSamples()[1] - 1;
            assertThat(timeline.clipTimes()).containsExactly(0, 2 * 12288, 4 * 12288);
            assertThat(Arrays.stream(shown, 0, secondClip).max().orElseThrow()).isLessThan(timeline.clipTimes()[1]);
            assertThat(Arrays.stream(shown, secondClip, shown.length).min().orElseThrow()).isEqualTo(timeline.clipTimes()[1]);
            assertThat(distinct(shown)).hasSize(shown.length);
        }
    }

    @Test
    void convertsClipsToACommonTimescale() throws IOException {
        try (Mp4File first = open(Fixtures.TESTSRC); Mp4File second = open(Fixtures.MAIN_30FPS)) {
            Timeline timeline = VideoTimeline.of(List.of(video(first), video(second)));

            // 12 288 and 15 360 units per second: 61 440 holds both frame durations exactly
            assertThat(timeline.timescale()).isEqualTo(61440);
            assertThat(timeline.clipTimes()).containsExactly(0, 2 * 61440, 3 * 61440);
            assertThat(Arrays.stream(timeline.durations()).distinct().toArray()).containsExactlyInAnyOrder(61440 / 24, 61440 / 30);
        }
    }

    @Test
    void eachClipsSoundStartsWithItsPictures() throws IOException {
        try (Mp4File first = open(Fixtures.TESTSRC); Mp4File second = open(Fixtures.SMPTEBARS)) {
            Track firstSound = first.firstTrack(Mp4File.AUDIO).orElseThrow();
            Track secondSound = second.firstTrack(Mp4File.AUDIO).orElseThrow();
            Timeline video = VideoTimeline.of(List.of(video(first), video(second)));

            AudioTimeline.Joined sound = AudioTimeline.of(List.of(firstSound, secondSound), video);

            long rate = 44100;
            long priming = Timeline.mediaStart(firstSound);
            long[] durations = sound.timeline().durations();
            int secondClip = (int) sound.timeline().clipSamples()[1] - 1;
            assertThat(priming).isPositive();
            assertThat(sound.timeline().mediaStart()).isEqualTo(priming);
            // the first clip keeps its priming (hidden by the edit list) and lasts exactly its video's 2 s
            assertThat(Arrays.stream(durations, 0, secondClip).sum()).isEqualTo(priming + 2 * rate);
            assertThat(Arrays.stream(durations).sum()).isEqualTo(priming + 4 * rate);
            // the second clip's priming frame is left out, so its sound starts at its first picture
            assertThat(Timeline.mediaStart(secondSound)).isEqualTo(secondSound.getSampleDurations()[0]);
            assertThat(sound.parts().get(1).getSamples()).hasSize(secondSound.getSamples().size() - 1);
        }
    }

    private static Mp4File open(String fixture) throws IOException {
        return Mp4File.open(Fixtures.path(fixture));
    }

    private static Track video(Mp4File file) throws IOException {
        return file.firstTrack(Mp4File.VIDEO).orElseThrow();
    }

    /** When each sample is shown, relative to the start of the presentation. */
    private static long[] presentationTimes(Timeline timeline) {
        long[] shown = new long[timeline.durations().length];
        long decoding = 0;
        for (int i = 0; i < shown.length; i++) {
            shown[i] = decoding + timeline.compositionOffsets()[i] - timeline.mediaStart();
            decoding += timeline.durations()[i];
        }
        return shown;
    }

    private static Set<Long> distinct(long[] values) {
        Set<Long> set = new HashSet<>();
        Arrays.stream(values).forEach(set::add);
        return set;
    }
}
