package io.github.camelvideo.core.media;

import java.util.Arrays;
import java.util.List;

import org.mp4parser.boxes.iso14496.part12.CompositionTimeToSample;
import org.mp4parser.muxer.Track;

/**
 * Lays video clips end to end: each clip is shown for its own length, from the end of the one before.
 *
 * <p>With B-frames a clip's frames are shown a little after they are decoded, and its edit list skips that delay.
 * The joined track gets a single delay large enough for every clip and a single edit list that skips it, so no clip
 * starts early or late whatever delay its encoder used. Clips with different timescales are converted to their least
 * common multiple (when that stays reasonable), so frame durations stay exact.
 */
final class VideoTimeline {

    private static final long MAX_COMMON_TIMESCALE = 1_000_000;

    private VideoTimeline() {
    }

    static Timeline of(List<Track> clips) {
        long timescale = commonTimescale(clips);
        int sampleCount = clips.stream().mapToInt(clip -> clip.getSamples().size()).sum();
        long[] durations = new long[sampleCount];
        long[] lateness = new long[sampleCount];
        long[] clipTimes = new long[clips.size() + 1];
        long[] clipSamples = new long[clips.size()];
        int sample = 0;
        for (int k = 0; k < clips.size(); k++) {
            clipSamples[k] = sample + 1;
            long length = place(clips.get(k), timescale, durations, lateness, sample);
            clipTimes[k + 1] = clipTimes[k] + length;
            sample += clips.get(k).getSamples().size();
        }
        long delay = 0;
        for (long late : lateness) {
            delay = Math.max(delay, -late);
        }
        int[] offsets = new int[sampleCount];
        boolean reordered = false;
        for (int i = 0; i < sampleCount; i++) {
            offsets[i] = Math.toIntExact(lateness[i] + delay);
            reordered |= offsets[i] != 0;
        }
        return new Timeline(timescale, durations, reordered ? offsets : null, delay, clipTimes, clipSamples);
    }

    /**
     * Writes one clip's sample durations and how late each sample is shown relative to its decoding time (negative
     * when the sample is shown before it is decoded once the clip's own delay is removed), from index {@code at}.
     *
     * @return the clip's length in {@code timescale} units
     */
    private static long place(Track clip, long timescale, long[] durations, long[] lateness, int at) {
        long clipTimescale = clip.getTrackMetaData().getTimescale();
        long[] clipDurations = clip.getSampleDurations();
        int[] offsets = compositionOffsets(clip);
        long start = Timeline.mediaStart(clip);
        long decodingTime = 0;
        for (int i = 0; i < clipDurations.length; i++) {
            long decoding = Timeline.rescale(decodingTime, clipTimescale, timescale);
            long shown = Timeline.rescale(decodingTime + offsets[i] - start, clipTimescale, timescale);
            decodingTime += clipDurations[i];
            durations[at + i] = Timeline.rescale(decodingTime, clipTimescale, timescale) - decoding;
            lateness[at + i] = shown - decoding;
        }
        return Timeline.rescale(decodingTime, clipTimescale, timescale);
    }

    private static int[] compositionOffsets(Track clip) {
        int count = clip.getSamples().size();
        List<CompositionTimeToSample.Entry> entries = clip.getCompositionTimeEntries();
        int[] offsets = entries == null || entries.isEmpty() ? new int[count]
                : CompositionTimeToSample.blowupCompositionTimes(entries);
        return offsets.length == count ? offsets : Arrays.copyOf(offsets, count);
    }

    private static long commonTimescale(List<Track> clips) {
        long common = 1;
        for (Track clip : clips) {
            long timescale = clip.getTrackMetaData().getTimescale();
            common = common / gcd(common, timescale) * timescale;
            if (common > MAX_COMMON_TIMESCALE) {
                return clips.stream().mapToLong(c -> c.getTrackMetaData().getTimescale()).max().orElseThrow();
            }
        }
        return common;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
