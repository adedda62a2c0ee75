package io.github.camelvideo.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AvcSampleTest {

    private static final byte SEI = 0x06;
    private static final byte IDR_SLICE = 0x65;            // nal_ref_idc 3, type 5
    private static final byte REFERENCE_SLICE = 0x41;      // nal_ref_idc 2, type 1
    private static final byte NON_REFERENCE_SLICE = 0x01;  // nal_ref_idc 0, type 1

    @Test
    void splitsLengthPrefixedUnits() {
        ByteBuffer sample = ByteBuffer.wrap(new byte[] { 0, 0, 0, 2, SEI, 9, 0, 0, 0, 3, IDR_SLICE, 1, 2 });

        List<ByteBuffer> units = AvcSample.nalUnits(sample, 4);

        assertThat(units).extracting(ByteBuffer::remaining).containsExactly(2, 3);
        assertThat(units.get(1).get(0)).isEqualTo(IDR_SLICE);
        assertThat(sample.position()).isZero();
    }

    @Test
    void refusesALengthPastTheEnd() {
        ByteBuffer sample = ByteBuffer.wrap(new byte[] { 0, 9, IDR_SLICE, 1 });

        assertThatThrownBy(() -> AvcSample.nalUnits(sample, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFrameIsDisposableWhenNoSliceIsAReference() {
        assertThat(AvcSample.isDisposable(units(SEI, NON_REFERENCE_SLICE, NON_REFERENCE_SLICE))).isTrue();
        assertThat(AvcSample.isDisposable(units(NON_REFERENCE_SLICE, REFERENCE_SLICE))).isFalse();
        assertThat(AvcSample.isDisposable(units(IDR_SLICE))).isFalse();
        assertThat(AvcSample.isDisposable(units(SEI))).isFalse();
    }

    private static List<ByteBuffer> units(byte... headers) {
        return IntStream.range(0, headers.length)
                .mapToObj(i -> ByteBuffer.wrap(new byte[] { headers[i], 0 })).toList();
    }
}
