package io.github.camelvideo.emulator.media;

import java.io.ByteArrayOutputStream;

/**
 * A minimal encoder of lossless WebP (VP8L) images.
 *
 * <p>It uses no transforms, no colour cache, no backward references and fixed 8-bit prefix
 * codes for green, red and blue (alpha and distance codes are single-symbol codes of zero
 * bits), so the output is about three bytes per pixel: fine for small thumbnails, and every
 * conforming decoder reads it. Format: <a href="https://developers.google.com/speed/webp/docs/webp_lossless_bitstream_specification">WebP
 * lossless bitstream specification</a>.
 */
public final class WebpEncoder {

    /** Order in which the code-length code lengths are stored (spec section 3.7.2.1.2). */
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8};

    /** Bit-reversed bytes: prefix codes are read most significant bit first from an LSB-first stream. */
    private static final int[] REVERSED = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            REVERSED[i] = Integer.reverse(i) >>> 24;
        }
    }

    private WebpEncoder() {
    }

    /**
     * Encodes opaque pixels as a lossless WebP file.
     *
     * @param width image width, 1 to 16384
     * @param height image height, 1 to 16384
     * @param argb {@code width * height} pixels as 0xAARRGGBB, row by row (alpha is ignored)
     * @return the complete RIFF/WebP file
     */
    public static byte[] encode(int width, int height, int[] argb) {
        if (width < 1 || height < 1 || width > 16384 || height > 16384 || argb.length != width * height) {
            throw new IllegalArgumentException("Bad image dimensions " + width + "x" + height);
        }
        BitWriter bits = new BitWriter(argb.length * 3 + 256);
        bits.write(0x2f, 8); // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha_is_used: a hint only
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes: one prefix-code group for the whole image
        writeFixedEightBitCode(bits, 256 + 24); // green + LZ77 length prefixes
        writeFixedEightBitCode(bits, 256); // red
        writeFixedEightBitCode(bits, 256); // blue
        writeSingleSymbolCode(bits, 255); // alpha: always opaque
        writeSingleSymbolCode(bits, 0); // distance: never used
        for (int pixel : argb) {
            int green = REVERSED[(pixel >> 8) & 0xff];
            int red = REVERSED[(pixel >> 16) & 0xff];
            int blue = REVERSED[pixel & 0xff];
            bits.write(green | red << 8 | blue << 16, 24);
        }
        return riff(bits.finish());
    }

    /**
     * A "normal" prefix code in which symbols 0..255 have length 8 and any further symbols
     * length 0. The code-length code itself has two 1-bit codes: '0' for length 0 and '1' for
     * length 8 (canonical order puts symbol 0 first).
     */
    private static void writeFixedEightBitCode(BitWriter bits, int alphabetSize) {
        bits.write(0, 1); // normal code
        bits.write(CODE_LENGTH_ORDER.length - 4, 4);
        for (int symbol : CODE_LENGTH_ORDER) {
            bits.write(symbol == 0 || symbol == 8 ? 1 : 0, 3);
        }
        bits.write(0, 1); // max_symbol = alphabet size: read every code length
        for (int symbol = 0; symbol < alphabetSize; symbol++) {
            bits.write(symbol < 256 ? 1 : 0, 1);
        }
    }

    /** A "simple" prefix code with one symbol, which then takes no bits per pixel. */
    private static void writeSingleSymbolCode(BitWriter bits, int symbol) {
        bits.write(1, 1); // simple code
        bits.write(0, 1); // one symbol
        if (symbol < 2) {
            bits.write(0, 1); // symbol stored in 1 bit
            bits.write(symbol, 1);
        } else {
            bits.write(1, 1); // symbol stored in 8 bits
            bits.write(symbol, 8);
        }
    }

    private static byte[] riff(byte[] vp8l) {
        int padding = vp8l.length & 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(vp8l.length + 21);
        out.writeBytes(new byte[] {'R', 'I', 'F', 'F'});
        writeLe32(out, 4 + 8 + vp8l.length + padding);
        out.writeBytes(new byte[] {'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'});
        writeLe32(out, vp8l.length);
        out.writeBytes(vp8l);
        if (padding == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void writeLe32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    /** Packs bit fields least significant bit first, as VP8L requires. */
    private static final class BitWriter {
        private byte[] buffer;
        private int length;
        private long pending;
        private int pendingBits;

        BitWriter(int capacity) {
            buffer = new byte[capacity];
        }

        void write(int value, int count) {
            pending |= (value & ((1L << count) - 1)) << pendingBits;
            pendingBits += count;
            while (pendingBits >= 8) {
                put((byte) pending);
                pending >>>= 8;
                pendingBits -= 8;
            }
        }

        byte[] finish() {
            if (pendingBits > 0) {
                put((byte) pending);
                pending = 0;
                pendingBits = 0;
            }
            return java.util.Arrays.copyOf(buffer, length);
        }

        private void put(byte b) {
            if (length == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2 + 16);
            }
            buffer[length++] = b;
        }
    }
}
