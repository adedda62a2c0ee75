package io.github.camelvideo.emulator.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.mp4parser.boxes.iso14496.part12.CompositionTimeToSample;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.muxer.AbstractTrack;
import org.mp4parser.muxer.Sample;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.TrackMetaData;

/**
 * One track that plays a track and then another, their samples copied as they are (no
 * re-encoding). The result keeps the first track's time scale, frame size and metadata.
 *
 * <p>When both tracks have byte-identical sample descriptions (every clip this emulator
 * renders does), the result has the first's only, as one continuous encoding would; otherwise
 * it lists both and each sample keeps its own. Edit lists are dropped: they describe the
 * parts, not the whole.
 */
final class JoinedTrack extends AbstractTrack {

    private final Track first;
    private final Track second;
    private final List<SampleEntry> entries;
    private final List<Sample> samples;
    private final long[] durations;

    JoinedTrack(Track first, Track second) throws IOException {
        super(first.getName() + "+" + second.getName());
        if (!first.getHandler().equals(second.getHandler())) {
            throw new IOException("Cannot join a " + first.getHandler() + " track and a " + second.getHandler()
                    + " track");
        }
        this.first = first;
        this.second = second;
        boolean shared = sameBytes(first.getSampleEntries(), second.getSampleEntries());
        this.entries = shared ? first.getSampleEntries() : concat(first.getSampleEntries(), second.getSampleEntries());
        this.samples = concat(first.getSamples(), shared ? described(second, first.getSampleEntries())
                : second.getSamples());
        this.durations = LongStream.concat(Arrays.stream(first.getSampleDurations()),
                Arrays.stream(rescale(second.getSampleDurations()))).toArray();
    }

    @Override
    public List<SampleEntry> getSampleEntries() {
        return entries;
    }

    @Override
    public List<Sample> getSamples() {
        return samples;
    }

    @Override
    public long[] getSampleDurations() {
        return durations.clone();
    }

    @Override
    public TrackMetaData getTrackMetaData() {
        return first.getTrackMetaData();
    }

    @Override
    public String getHandler() {
        return first.getHandler();
    }

    /** Null (every sample is a sync sample) only when that holds for both parts. */
    @Override
    public long[] getSyncSamples() {
        long[] a = first.getSyncSamples();
        long[] b = second.getSyncSamples();
        if (a == null && b == null) {
            return null;
        }
        int offset = first.getSamples().size();
        return LongStream.concat(Arrays.stream(syncOrAll(a, offset)),
                Arrays.stream(syncOrAll(b, second.getSamples().size())).map(n -> n + offset)).toArray();
    }

    /** Null when neither part reorders frames; else both parts' offsets, zero where a part has none. */
    @Override
    public List<CompositionTimeToSample.Entry> getCompositionTimeEntries() {
        List<CompositionTimeToSample.Entry> a = first.getCompositionTimeEntries();
        List<CompositionTimeToSample.Entry> b = second.getCompositionTimeEntries();
        if (isEmpty(a) && isEmpty(b)) {
            return null;
        }
        List<CompositionTimeToSample.Entry> joined = new ArrayList<>(offsetsOrZero(a, first.getSamples().size(), 1));
        double scale = (double) timescale(first) / timescale(second);
        for (CompositionTimeToSample.Entry e : offsetsOrZero(b, second.getSamples().size(), scale)) {
            joined.add(e);
        }
        return joined;
    }

    /** Leaves the parts open: they belong to whoever opened them. */
    @Override
    public void close() {
        // nothing of its own to release
    }

    /** The second part's durations in the first part's time scale, without drift. */
    private long[] rescale(long[] source) {
        long from = timescale(second);
        long to = timescale(first);
        long[] result = new long[source.length];
        long elapsed = 0;
        long previous = 0;
        for (int i = 0; i < source.length; i++) {
            elapsed += source[i];
            long end = Math.round((double) elapsed * to / from);
            result[i] = end - previous;
            previous = end;
        }
        return result;
    }

    private static long timescale(Track track) {
        return track.getTrackMetaData().getTimescale();
    }

    private static long[] syncOrAll(long[] sync, int count) {
        return sync != null ? sync : LongStream.rangeClosed(1, count).toArray();
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static List<CompositionTimeToSample.Entry> offsetsOrZero(List<CompositionTimeToSample.Entry> entries,
            int count, double scale) {
        if (isEmpty(entries)) {
            return List.of(new CompositionTimeToSample.Entry(count, 0));
        }
        return entries.stream().map(e -> new CompositionTimeToSample.Entry(e.getCount(),
                (int) Math.round(e.getOffset() * scale))).toList();
    }

    /** The samples of {@code track}, each described by the entry at the same index in {@code entries}. */
    private static List<Sample> described(Track track, List<SampleEntry> entries) {
        List<SampleEntry> own = track.getSampleEntries();
        List<Sample> samples = track.getSamples();
        return new AbstractList<>() {
            @Override
            public Sample get(int index) {
                Sample sample = samples.get(index);
                return new DescribedSample(sample, entries.get(own.indexOf(sample.getSampleEntry())));
            }

            @Override
            public int size() {
                return samples.size();
            }
        };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return index < a.size() ? a.get(index) : b.get(index - a.size());
            }

            @Override
            public int size() {
                return a.size() + b.size();
            }
        };
    }

    private static boolean sameBytes(List<SampleEntry> a, List<SampleEntry> b) throws IOException {
        return Arrays.equals(bytes(a), bytes(b));
    }

    private static byte[] bytes(List<SampleEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WritableByteChannel channel = Channels.newChannel(out);
        for (SampleEntry entry : entries) {
            entry.getBox(channel);
        }
        return out.toByteArray();
    }

    /** A sample with another (byte-identical) description. */
    private record DescribedSample(Sample sample, SampleEntry entry) implements Sample {
        @Override
        public void writeTo(WritableByteChannel channel) throws IOException {
            sample.writeTo(channel);
        }

        @Override
        public long getSize() {
            return sample.getSize();
        }

        @Override
        public ByteBuffer asByteBuffer() {
            return sample.asByteBuffer();
        }

        @Override
        public SampleEntry getSampleEntry() {
            return entry;
        }
    }
}
