package io.github.camelvideo.core.media;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.mp4parser.boxes.iso14496.part12.CompositionTimeToSample;
import org.mp4parser.boxes.iso14496.part15.AvcConfigurationBox;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;
import org.mp4parser.muxer.Sample;
import org.mp4parser.muxer.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the frame shown last by an H.264 track with JCodec. Only the frames the last one depends on are decoded:
 * from the last sync sample before it, skipping frames no other frame refers to. With B-frames the frame shown last
 * is not the last one stored, so it is found by presentation time.
 */
final class LastPictureDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(LastPictureDecoder.class);
    private static final Set<String> H264_SAMPLE_ENTRIES = Set.of("avc1", "avc3");
    private static final int SPS_TYPE = 7;

    /** A decoded picture and how its samples map to RGB. */
    record Decoded(Picture picture, YuvColour colour) {
    }

    private final Track video;
    private final String fileName;

    private LastPictureDecoder(Track video, String fileName) {
        this.video = video;
        this.fileName = fileName;
    }

    /**
     * Decodes the frame of {@code video} that is shown last.
     *
     * @param fileName the file, for messages
     * @throws IOException when the track is not 8-bit 4:2:0 progressive H.264 or cannot be decoded
     */
    static Decoded decode(Track video, String fileName) throws IOException {
        return new LastPictureDecoder(video, fileName).decode();
    }

    private Decoded decode() throws IOException {
        try {
            int last = lastPresented();
            return decodeFrom(lastSyncSampleUpTo(last), last);
        } catch (RuntimeException e) {
            // JCodec and mp4parser report streams they cannot read with unchecked exceptions
            throw new IOException("Cannot decode the last video frame of " + fileName + ": " + e, e);
        }
    }

    /** Decodes the samples {@code start} (a sync sample) to {@code last} that {@code last} may depend on. */
    private Decoded decodeFrom(int start, int last) throws IOException {
        List<Sample> samples = video.getSamples();
        AvcConfigurationBox config = avcConfiguration(samples.get(start).getSampleEntry());
        int lengthSize = config.getLengthSizeMinusOne() + 1;
        List<ByteBuffer> first = parameterSetsAnd(config, AvcSample.nalUnits(copy(samples.get(start)), lengthSize));
        SeqParameterSet sps = supportedSps(first);
        byte[][] buffer = Picture.create((sps.picWidthInMbsMinus1 + 1) * 16, SeqParameterSet.getPicHeightInMbs(sps) * 16,
                ColorSpace.YUV420).getData();
        H264Decoder decoder = new H264Decoder();
        try {
            Picture picture = decoder.decodeFrameFromNals(first, buffer);
            int decoded = 1;
            for (int i = start + 1; i <= last; i++) {
                List<ByteBuffer> units = AvcSample.nalUnits(copy(samples.get(i)), lengthSize);
                if (i == last || !AvcSample.isDisposable(units)) {
                    picture = decoder.decodeFrameFromNals(units, buffer);
                    decoded++;
                }
            }
            if (picture == null) {
                throw new IOException("The last video frame of " + fileName + " holds no picture");
            }
            LOG.debug("Decoded {} of the samples {} to {} of {} for its last frame", decoded, start, last, fileName);
            return new Decoded(picture, YuvColour.of(sps, picture.getCroppedWidth(), picture.getCroppedHeight()));
        } finally {
            stopSliceThreads(decoder);
        }
    }

    /** The index of the sample with the latest presentation (composition) time. */
    private int lastPresented() {
        long[] durations = video.getSampleDurations();
        List<CompositionTimeToSample.Entry> entries = video.getCompositionTimeEntries();
        int[] offsets = entries == null || entries.isEmpty() ? new int[0]
                : CompositionTimeToSample.blowupCompositionTimes(entries);
        long decodingTime = 0;
        long latest = Long.MIN_VALUE;
        int index = 0;
        for (int i = 0; i < durations.length; i++) {
            long presentationTime = decodingTime + (i < offsets.length ? offsets[i] : 0);
            if (presentationTime >= latest) {
                latest = presentationTime;
                index = i;
            }
            decodingTime += durations[i];
        }
        return Math.min(index, video.getSamples().size() - 1);
    }

    /** The index of the last sync sample (key frame) at or before {@code index}. */
    private int lastSyncSampleUpTo(int index) {
        long[] syncSamples = video.getSyncSamples();
        if (syncSamples == null) {
            // no sync sample table: every sample is a sync sample
            return index;
        }
        int start = 0;
        for (long number : syncSamples) {
            if (number - 1 <= index) {
                start = Math.max(start, (int) (number - 1));
            }
        }
        return start;
    }

    private AvcConfigurationBox avcConfiguration(SampleEntry entry) throws IOException {
        if (!(entry instanceof VisualSampleEntry visual) || !H264_SAMPLE_ENTRIES.contains(entry.getType())) {
            throw new IOException("The video of " + fileName + " is " + entry.getType()
                                  + ", not H.264: its last frame cannot be decoded");
        }
        return visual.getBoxes(AvcConfigurationBox.class).stream().findFirst()
                .orElseThrow(() -> new IOException("The H.264 video of " + fileName + " has no decoder configuration"));
    }

    private static List<ByteBuffer> parameterSetsAnd(AvcConfigurationBox config, List<ByteBuffer> units) {
        List<ByteBuffer> all = new ArrayList<>();
        for (ByteBuffer parameterSet : config.getSequenceParameterSets()) {
            all.add(wholeCopy(parameterSet));
        }
        for (ByteBuffer parameterSet : config.getPictureParameterSets()) {
            all.add(wholeCopy(parameterSet));
        }
        all.addAll(units);
        return all;
    }

    private SeqParameterSet supportedSps(List<ByteBuffer> units) throws IOException {
        ByteBuffer unit = units.stream().filter(u -> (u.get(u.position()) & 0x1f) == SPS_TYPE).findFirst()
                .orElseThrow(() -> new IOException("The H.264 video of " + fileName + " has no sequence parameter set"));
        ByteBuffer payload = copy(unit);
        payload.get(); // NAL unit header
        H264Utils.unescapeNAL(payload);
        SeqParameterSet sps = SeqParameterSet.read(payload);
        // JCodec names chroma_format_idc 1 (4:2:0) YUV420J whatever the sample range
        boolean yuv420 = sps.chromaFormatIdc == ColorSpace.YUV420J || sps.chromaFormatIdc == ColorSpace.YUV420;
        if (sps.bitDepthLumaMinus8 != 0 || !yuv420 || !sps.frameMbsOnlyFlag) {
            throw new IOException("The H.264 video of " + fileName + " is not 8-bit 4:2:0 progressive (profile "
                                  + sps.profileIdc + "): its last frame cannot be decoded");
        }
        return sps;
    }

    /**
     * A copy of a whole parameter set: mp4parser leaves the position of its buffers wherever it last wrote them,
     * and the decoder unescapes units in place, which must not change the configuration's own buffers.
     */
    private static ByteBuffer wholeCopy(ByteBuffer parameterSet) {
        return copy(parameterSet.duplicate().rewind());
    }

    private static ByteBuffer copy(Sample sample) {
        return copy(sample.asByteBuffer());
    }

    private static ByteBuffer copy(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }

    /**
     * JCodec gives every decoder its own pool of slice threads and never stops it; the threads would outlive the
     * decoder. There is no API to stop them, hence the reflection.
     */
    private static void stopSliceThreads(H264Decoder decoder) {
        try {
            Field pool = H264Decoder.class.getDeclaredField("tp");
            pool.setAccessible(true);
            if (pool.get(decoder) instanceof ExecutorService threads) {
                threads.shutdown();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Cannot stop the H.264 decoder's slice threads", e);
        }
    }
}
