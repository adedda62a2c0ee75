package io.github.camelvideo.core.media;

import java.io.IOException;
import java.util.List;

import org.mp4parser.boxes.sampleentry.AudioSampleEntry;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;
import org.mp4parser.muxer.Track;

/**
 * Whether clips' tracks can share one track without re-encoding. mp4parser's {@code AppendTrack} appends anything,
 * keeping each clip's sample descriptions, so these checks decide: the codec and picture size (for audio: the codec,
 * sample rate and channel count) must be those of the first clip. Other decoder settings, such as H.264 parameter
 * sets, may differ: each clip keeps its own sample description.
 */
final class JoinCompatibility {

    private JoinCompatibility() {
    }

    /**
     * @param names  the clips' file names, for messages
     * @param tracks the clips' video tracks, in the same order
     * @throws IOException naming the first clip whose video differs from the first clip's
     */
    static void checkVideo(List<String> names, List<Track> tracks) throws IOException {
        SampleEntry reference = tracks.get(0).getSampleEntries().get(0);
        for (int k = 0; k < tracks.size(); k++) {
            for (SampleEntry entry : tracks.get(k).getSampleEntries()) {
                if (!entry.getType().equals(reference.getType())) {
                    throw cannotJoin(names, k, "its video is " + entry.getType() + ", not " + reference.getType());
                }
                if (!size(entry).equals(size(reference))) {
                    throw cannotJoin(names, k, "its video is " + size(entry) + ", not " + size(reference));
                }
            }
        }
    }

    /**
     * @param names  the clips' file names, for messages
     * @param tracks the clips' audio tracks, in the same order
     * @throws IOException naming the first clip whose audio differs from the first clip's
     */
    static void checkAudio(List<String> names, List<Track> tracks) throws IOException {
        SampleEntry reference = tracks.get(0).getSampleEntries().get(0);
        long timescale = tracks.get(0).getTrackMetaData().getTimescale();
        for (int k = 0; k < tracks.size(); k++) {
            for (SampleEntry entry : tracks.get(k).getSampleEntries()) {
                if (!entry.getType().equals(reference.getType())) {
                    throw cannotJoin(names, k, "its audio is " + entry.getType() + ", not " + reference.getType());
                }
                if (!sound(entry).equals(sound(reference))) {
                    throw cannotJoin(names, k, "its audio is " + sound(entry) + ", not " + sound(reference));
                }
            }
            if (tracks.get(k).getTrackMetaData().getTimescale() != timescale) {
                throw cannotJoin(names, k, "its audio timescale is " + tracks.get(k).getTrackMetaData().getTimescale()
                                           + ", not " + timescale);
            }
        }
    }

    private static String size(SampleEntry entry) {
        return entry instanceof VisualSampleEntry visual ? visual.getWidth() + "x" + visual.getHeight() : "unsized";
    }

    private static String sound(SampleEntry entry) {
        return entry instanceof AudioSampleEntry audio
                ? audio.getSampleRate() + " Hz with " + audio.getChannelCount() + " channels" : "undescribed";
    }

    private static IOException cannotJoin(List<String> names, int clip, String why) {
        return new IOException("Cannot join " + names.get(clip) + " to " + names.get(0) + " without re-encoding: " + why);
    }
}
