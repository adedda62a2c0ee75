package io.github.camelvideo.core.media;

import org.mp4parser.muxer.Edit;
import org.mp4parser.muxer.Track;

/**
 * The timing of a joined track, in its timescale: how long each sample lasts, when each is shown, and where each
 * clip begins.
 *
 * @param timescale          units per second
 * @param durations          the duration of each sample
 * @param compositionOffsets how long after its decoding time each sample is shown, or {@code null} when every
 *                           sample is shown at its decoding time
 * @param mediaStart         the media time shown first (the edit list skips what lies before it)
 * @param clipTimes          when each clip begins, plus, last, when the track ends; relative to {@code mediaStart}
 * @param clipSamples        the 1-based number of the first sample of each clip
 */
record Timeline(long timescale, long[] durations, int[] compositionOffsets, long mediaStart, long[] clipTimes,
                long[] clipSamples) {

    /** How long the track is shown. */
    long presentationLength() {
        return clipTimes[clipTimes.length - 1];
    }

    /** The media time a track's edit list starts showing at (a B-frame delay, or audio priming), else 0. */
    static long mediaStart(Track track) {
        for (Edit edit : track.getEdits()) {
            if (edit.getMediaTime() >= 0) {
                return rescale(edit.getMediaTime(), edit.getTimeScale(), track.getTrackMetaData().getTimescale());
            }
        }
        return 0;
    }

    /** {@code time} converted from {@code from} to {@code to} units per second, rounded to the nearest. */
    static long rescale(long time, long from, long to) {
        return from == to ? time : Math.floorDiv(time * to + from / 2, from);
    }
}
