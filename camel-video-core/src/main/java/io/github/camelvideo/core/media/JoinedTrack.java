package io.github.camelvideo.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import org.mp4parser.boxes.iso14496.part12.CompositionTimeToSample;
import org.mp4parser.boxes.iso14496.part12.SampleDependencyTypeBox;
import org.mp4parser.boxes.iso14496.part12.SubSampleInformationBox;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.muxer.Edit;
import org.mp4parser.muxer.Sample;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.TrackMetaData;
import org.mp4parser.muxer.WrappingTrack;
import org.mp4parser.muxer.tracks.AppendTrack;

/**
 * The samples of several clips' tracks appended by mp4parser's {@link AppendTrack}, with the timing of a
 * {@link Timeline} in place of the appended tracks' own. {@code AppendTrack} strings the samples and sample
 * descriptions together but keeps each clip's durations and composition offsets as they are and drops the edit
 * lists, so clips with another timescale, a B-frame delay or encoder priming would play at the wrong time.
 */
final class JoinedTrack extends WrappingTrack {

    private final List<Track> parts;
    private final Timeline timeline;
    private final TrackMetaData metaData;
    private final SampleDescriptions descriptions;

    /**
     * @param parts    the clips' tracks (or parts of them), in order
     * @param timeline the timing of the appended samples
     */
    JoinedTrack(List<Track> parts, Timeline timeline) throws IOException {
        super(new AppendTrack(parts.toArray(Track[]::new)));
        this.parts = List.copyOf(parts);
        this.timeline = timeline;
        this.metaData = (TrackMetaData) parts.get(0).getTrackMetaData().clone();
        metaData.setTimescale(timeline.timescale());
        this.descriptions = new SampleDescriptions(super.getSampleEntries());
    }

    Timeline timeline() {
        return timeline;
    }

    @Override
    public TrackMetaData getTrackMetaData() {
        return metaData;
    }

    /** The clips' sample descriptions, one per decoder setup. */
    @Override
    public List<SampleEntry> getSampleEntries() {
        return descriptions.distinct();
    }

    /** The appended samples, each naming the description that stands for its own. */
    @Override
    public List<Sample> getSamples() {
        List<Sample> samples = super.getSamples();
        return new AbstractList<>() {
            @Override
            public Sample get(int index) {
                Sample sample = samples.get(index);
                return new DescribedSample(sample, descriptions.shared(sample.getSampleEntry()));
            }

            @Override
            public int size() {
                return samples.size();
            }
        };
    }

    @Override
    public long[] getSampleDurations() {
        return timeline.durations();
    }

    @Override
    public long getDuration() {
        long duration = 0;
        for (long sampleDuration : timeline.durations()) {
            duration += sampleDuration;
        }
        return duration;
    }

    @Override
    public List<CompositionTimeToSample.Entry> getCompositionTimeEntries() {
        List<CompositionTimeToSample.Entry> entries = new ArrayList<>();
        if (timeline.compositionOffsets() == null) {
            return entries;
        }
        for (int offset : timeline.compositionOffsets()) {
            CompositionTimeToSample.Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.getOffset() == offset) {
                last.setCount(last.getCount() + 1);
            } else {
                entries.add(new CompositionTimeToSample.Entry(1, offset));
            }
        }
        return entries;
    }

    @Override
    public List<Edit> getEdits() {
        if (timeline.mediaStart() == 0) {
            return List.of();
        }
        return List.of(new Edit(timeline.mediaStart(), timeline.timescale(), 1.0,
                (double) timeline.presentationLength() / timeline.timescale()));
    }

    /**
     * The sync samples of all parts. A part without a sync sample table has only sync samples; {@code AppendTrack}
     * would take the first part's table (or its absence) for all of them.
     */
    @Override
    public long[] getSyncSamples() {
        if (parts.stream().allMatch(part -> part.getSyncSamples() == null)) {
            return null;
        }
        List<Long> numbers = new ArrayList<>();
        long before = 0;
        for (Track part : parts) {
            long[] sync = part.getSyncSamples();
            int count = part.getSamples().size();
            for (int i = 0; i < (sync == null ? count : sync.length); i++) {
                numbers.add(before + (sync == null ? i + 1 : sync[i]));
            }
            before += count;
        }
        return numbers.stream().mapToLong(Long::longValue).toArray();
    }

    /** The sample dependency flags, kept only when every part has them for every sample. */
    @Override
    public List<SampleDependencyTypeBox.Entry> getSampleDependencies() {
        List<SampleDependencyTypeBox.Entry> all = new ArrayList<>();
        for (Track part : parts) {
            List<SampleDependencyTypeBox.Entry> dependencies = part.getSampleDependencies();
            if (dependencies == null || dependencies.size() != part.getSamples().size()) {
                return List.of();
            }
            all.addAll(dependencies);
        }
        return all;
    }

    /** None: {@code AppendTrack} would give the first part's, which does not describe the later samples. */
    @Override
    public SubSampleInformationBox getSubsampleInformationBox() {
        return null;
    }

    /** A sample with another sample description (one with the same decoder setup). */
    private record DescribedSample(Sample sample, SampleEntry description) implements Sample {

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
            return description;
        }
    }
}
