package io.github.camelvideo.core.media;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The NAL units of one H.264 sample as MP4 stores it: each unit preceded by its length in a field of 1 to 4 bytes
 * (the size is given by the track's {@code avcC} box).
 */
final class AvcSample {

    private static final int TYPE_MASK = 0x1f;
    private static final int FIRST_SLICE_TYPE = 1;
    private static final int LAST_SLICE_TYPE = 5;

    private AvcSample() {
    }

    /**
     * Splits a sample into its NAL units, each starting with its header byte.
     *
     * @throws IllegalArgumentException when a length runs past the end of the sample
     */
    static List<ByteBuffer> nalUnits(ByteBuffer sample, int lengthSize) {
        ByteBuffer data = sample.duplicate();
        List<ByteBuffer> units = new ArrayList<>();
        while (data.remaining() > lengthSize) {
            int length = readLength(data, lengthSize);
            if (length < 0 || length > data.remaining()) {
                throw new IllegalArgumentException("NAL unit of " + length + " bytes in a sample with " + data.remaining()
                                                   + " bytes left");
            }
            if (length > 0) {
                ByteBuffer unit = data.slice();
                unit.limit(length);
                units.add(unit);
                data.position(data.position() + length);
            }
        }
        return units;
    }

    /**
     * Whether no later frame can refer to this one: every slice has {@code nal_ref_idc} 0. Such frames (most
     * B-frames) can be skipped when only a later frame is wanted.
     */
    static boolean isDisposable(List<ByteBuffer> nalUnits) {
        boolean slices = false;
        for (ByteBuffer unit : nalUnits) {
            int header = unit.get(unit.position()) & 0xff;
            int type = header & TYPE_MASK;
            if (type >= FIRST_SLICE_TYPE && type <= LAST_SLICE_TYPE) {
                slices = true;
                if (((header >> 5) & 0x3) != 0) {
                    return false;
                }
            }
        }
        return slices;
    }

    private static int readLength(ByteBuffer data, int lengthSize) {
        int length = 0;
        for (int i = 0; i < lengthSize; i++) {
            length = (length << 8) | (data.get() & 0xff);
        }
        return length;
    }
}
