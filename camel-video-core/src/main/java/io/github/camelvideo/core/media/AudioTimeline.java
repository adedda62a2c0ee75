package io.github.camelvideo.core.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.tracks.ClippedTrack;

/**
 * Lays audio clips along the joined video, so each clip's sound starts with its pictures.
 *
 * <p>An AAC track starts with encoder priming (typically one 1024-sample frame) that its edit list hides, and its
 * last frame usually runs past the end of the sound. Appended as they are, every clip would add that surplus and the
 * sound would fall further behind the pictures at each cut (over 20 ms per clip). Here the first clip keeps its
 * priming, hidden by the joined track's edit list; later clips drop their whole priming frames; and each clip's last
 * kept frame is shortened (or lengthened) to end exactly where the clip's video ends. Samples are never re-encoded,
 * so the sound at each cut may click slightly, as with any join without re-encoding.
 */
final class AudioTimeline {

    /**
     * The parts of the clips' tracks that go into the joined track, and its timing.
     *
     * @param parts    the kept samples of each clip, in order
     * @param timeline the timing of the appended parts
     */
    record Joined(List<Track> parts, Timeline timeline) {
    }

    private AudioTimeline() {
    }

    /** Where a clip's kept samples begin: the first kept sample, and how much priming it still holds. */
    private record Start(int sample, long priming) {
    }

    /**
     * @param clips the clips' audio tracks, all with the same timescale
     * @param video the timeline of the joined video
     */
    static Joined of(List<Track> clips, Timeline video) {
        long rate = clips.get(0).getTrackMetaData().getTimescale();
        long[] clipTimes = Arrays.stream(video.clipTimes()).map(time -> Timeline.rescale(time, video.timescale(), rate))
                .toArray();
        long priming = Timeline.mediaStart(clips.get(0));
        List<Track> parts = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        long[] clipSamples = new long[clips.size()];
        Start start = new Start(0, priming);
        for (int k = 0; k < clips.size(); k++) {
            Start next = k + 1 < clips.size() ? startOf(clips.get(k + 1)) : new Start(0, 0);
            // the joined media time of this clip's first picture and of the next clip's, less any priming still kept
            long from = k == 0 ? 0 : priming + clipTimes[k] - start.priming();
            long to = priming + clipTimes[k + 1] - next.priming();
            clipSamples[k] = durations.size() + 1L;
            parts.add(keep(clips.get(k), start.sample(), to - from, durations));
            start = next;
        }
        return new Joined(parts, new Timeline(rate, durations.stream().mapToLong(Long::longValue).toArray(), null,
                priming, clipTimes, clipSamples));
    }

    /** A later clip starts after its whole priming samples; a part of one may remain. */
    private static Start startOf(Track clip) {
        long[] durations = clip.getSampleDurations();
        long priming = Timeline.mediaStart(clip);
        int sample = 0;
        while (sample < durations.length - 1 && durations[sample] <= priming) {
            priming -= durations[sample++];
        }
        return new Start(sample, priming);
    }

    /**
     * Keeps the samples of {@code clip} from {@code first} that fall within {@code length}, at least one, and
     * fits the last one's duration to end at {@code length}.
     *
     * @param durations receives the kept samples' durations
     * @return the kept part of the track
     */
    private static Track keep(Track clip, int first, long length, List<Long> durations) {
        long[] clipDurations = clip.getSampleDurations();
        long position = 0;
        int end = first;
        while (true) {
            long duration = clipDurations[end++];
            if (end == clipDurations.length || position + duration >= length) {
                durations.add(Math.max(1, length - position));
                break;
            }
            durations.add(duration);
            position += duration;
        }
        return first == 0 && end == clipDurations.length ? clip : new ClippedTrack(clip, first, end);
    }
}
