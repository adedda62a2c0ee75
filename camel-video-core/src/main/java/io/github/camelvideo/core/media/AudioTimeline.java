package io.github.camelvideo.core.media;

import java.util.ArrayList;
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

    /**
     * @param clips the clips' audio tracks, all with the same timescale
     * @param video the timeline of the joined video
     */
    static Joined of(List<Track> clips, Timeline video) {
        long rate = clips.get(0).getTrackMetaData().getTimescale();
        int count = clips.size();
        int[] first = new int[count];
        long[] priming = new long[count];
        for (int k = 0; k < count; k++) {
            priming[k] = Timeline.mediaStart(clips.get(k));
            if (k > 0) {
                first[k] = wholeSamplesWithin(clips.get(k).getSampleDurations(), priming[k]);
                priming[k] -= sum(clips.get(k).getSampleDurations(), first[k]);
            }
        }
        long[] clipTimes = new long[count + 1];
        long[] starts = new long[count + 1];
        for (int k = 1; k <= count; k++) {
            clipTimes[k] = Timeline.rescale(video.clipTimes()[k], video.timescale(), rate);
            starts[k] = priming[0] + clipTimes[k] - (k < count ? priming[k] : 0);
        }
        List<Track> parts = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        long[] clipSamples = new long[count];
        for (int k = 0; k < count; k++) {
            clipSamples[k] = durations.size() + 1L;
            parts.add(keep(clips.get(k), first[k], starts[k + 1] - starts[k], durations));
        }
        return new Joined(parts, new Timeline(rate, durations.stream().mapToLong(Long::longValue).toArray(), null,
                priming[0], clipTimes, clipSamples));
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

    /** How many leading samples end at or before {@code time}, leaving at least one sample. */
    private static int wholeSamplesWithin(long[] durations, long time) {
        int count = 0;
        long end = 0;
        while (count < durations.length - 1 && end + durations[count] <= time) {
            end += durations[count++];
        }
        return count;
    }

    private static long sum(long[] values, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum;
    }
}
