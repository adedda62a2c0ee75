package io.github.camelvideo.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/**
 * Checks the container and header fields, and decodes the pixels back with a reader of the
 * subset of VP8L the encoder writes. (The output was also checked with libwebp's dwebp, which
 * decodes it to the exact input pixels; CI has no dwebp, hence this reader.)
 */
class WebpEncoderTest {

    @Test
    void writesARiffWebpLosslessFile() {
        byte[] webp = WebpEncoder.encode(3, 2, new int[6]);

        ByteBuffer b = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(webp, 0, 4)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(webp.length - 8);
        assertThat(new String(webp, 8, 8)).isEqualTo("WEBPVP8L");
        int chunk = b.getInt(16);
        assertThat(20 + chunk + (chunk & 1)).isEqualTo(webp.length);
        assertThat(webp[20]).isEqualTo((byte) 0x2f);
    }

    @Test
    void pixelsDecodeBackExactly() {
        int width = 37;
        int height = 21;
        int[] pixels = Scene.toArgb(width, height, 2.5);
        pixels[5] = 0xff123456;

        Reader reader = new Reader(WebpEncoder.encode(width, height, pixels));

        assertThat(reader.bits(14) + 1).isEqualTo(width);
        assertThat(reader.bits(14) + 1).isEqualTo(height);
        reader.bits(1 + 3 + 1 + 1 + 1); // alpha hint, version, no transform, no cache, no meta codes
        for (int code = 0; code < 3; code++) {
            reader.skipFixedEightBitCode(code == 0 ? 280 : 256);
        }
        assertThat(reader.bits(1 + 1 + 1)).isEqualTo(0b101); // simple, one symbol, 8-bit symbol
        assertThat(reader.bits(8)).isEqualTo(255); // alpha
        assertThat(reader.bits(1 + 1 + 1 + 1)).isEqualTo(0b0001); // simple, one symbol, 1-bit symbol 0
        for (int i = 0; i < pixels.length; i++) {
            int green = reader.code8();
            int red = reader.code8();
            int blue = reader.code8();
            assertThat(0xff000000 | red << 16 | green << 8 | blue).as("pixel %d", i).isEqualTo(pixels[i]);
        }
    }

    @Test
    void rejectsBadDimensions() {
        assertThatThrownBy(() -> WebpEncoder.encode(0, 1, new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebpEncoder.encode(2, 2, new int[3])).isInstanceOf(IllegalArgumentException.class);
    }

    /** Reads LSB-first bit fields starting after the VP8L signature byte. */
    private static final class Reader {
        private final byte[] data;
        private long position = (20 + 1) * 8L;

        Reader(byte[] data) {
            this.data = data;
        }

        int bits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++, position++) {
                int bit = (data[(int) (position >> 3)] >> (position & 7)) & 1;
                value |= bit << i;
            }
            return value;
        }

        /** An 8-bit canonical code: its bits arrive most significant first. */
        int code8() {
            int value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 1 | bits(1);
            }
            return value;
        }

        void skipFixedEightBitCode(int alphabet) {
            assertThat(bits(1)).isZero(); // normal code
            int lengths = bits(4) + 4;
            int[] order = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8};
            for (int i = 0; i < lengths; i++) {
                assertThat(bits(3)).isEqualTo(order[i] == 0 || order[i] == 8 ? 1 : 0);
            }
            assertThat(bits(1)).isZero(); // all code lengths follow
            for (int s = 0; s < alphabet; s++) {
                assertThat(bits(1)).isEqualTo(s < 256 ? 1 : 0);
            }
        }
    }
}
