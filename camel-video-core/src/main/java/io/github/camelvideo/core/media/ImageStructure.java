package io.github.camelvideo.core.media;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Reads the structure of a JPEG, PNG or WebP file far enough to know that it is a whole image and how big it is,
 * without decoding pixels: PNG chunks (lengths and CRCs) up to {@code IEND}, JPEG segments and the entropy-coded scans
 * up to {@code EOI}, the WebP RIFF size and its chunks. A file cut short by a failed upload or copy is found here,
 * before a paid create, instead of by the provider afterwards. The cost is one pass over the bytes.
 */
final class ImageStructure {

    private static final String TRUNCATED = " (a truncated file?)";

    /** The pixel size of an image. */
    record Dimensions(int width, int height) {
    }

    /** Why the bytes are not a whole image, in words for an error message. */
    static final class MalformedImageException extends Exception {

        MalformedImageException(String reason) {
            super(reason, null, false, false);
        }
    }

    private final byte[] data;

    private ImageStructure(byte[] data) {
        this.data = data;
    }

    /**
     * The size of a whole image of the given format.
     *
     * @throws MalformedImageException when the structure is cut short, damaged or lacks image data
     */
    static Dimensions read(byte[] data, MediaType type) throws MalformedImageException {
        ImageStructure s = new ImageStructure(data);
        return switch (type) {
            case PNG -> s.png();
            case JPEG -> s.jpeg();
            case WEBP -> s.webp();
            case MP4 -> throw new MalformedImageException("an MP4 video is not an image");
        };
    }

    // PNG: signature, then chunks of length (4, big-endian), type (4), data, CRC of type and data (4); IHDR first

    private Dimensions png() throws MalformedImageException {
        int pos = 8;
        Dimensions size = null;
        boolean pixels = false;
        while (true) {
            if (pos + 8 > data.length) {
                throw new MalformedImageException("the data ends at byte " + data.length + " before the IEND chunk"
                                                  + TRUNCATED);
            }
            long length = uint32BigEndian(pos);
            String chunk = ascii(pos + 4, 4);
            if (length > data.length - pos - 12L) {
                throw new MalformedImageException("chunk " + chunk + " at byte " + pos + " needs " + (length + 12)
                                                  + " bytes, but the data ends at byte " + data.length + TRUNCATED);
            }
            int dataLength = (int) length;
            if (crc(pos + 4, dataLength + 4) != uint32BigEndian(pos + 8 + dataLength)) {
                throw new MalformedImageException("chunk " + chunk + " at byte " + pos
                                                  + " fails its CRC check (a damaged file)");
            }
            if (size == null) {
                size = pngHeader(pos, chunk, dataLength);
            }
            pixels |= "IDAT".equals(chunk);
            if ("IEND".equals(chunk)) {
                if (!pixels) {
                    throw new MalformedImageException("it has no image data (no IDAT chunk)");
                }
                return size;
            }
            pos += 12 + dataLength;
        }
    }

    private Dimensions pngHeader(int pos, String chunk, int length) throws MalformedImageException {
        if (!"IHDR".equals(chunk) || length != 13) {
            throw new MalformedImageException("the first chunk is " + chunk + ", not the 13-byte IHDR header");
        }
        return positive(uint32BigEndian(pos + 8), uint32BigEndian(pos + 12));
    }

    private long crc(int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    // JPEG: SOI, then marker segments (0xFF, code, big-endian length including itself); after each SOS an
    // entropy-coded scan in which 0xFF is followed by 0x00 (a stuffed byte) or a restart marker; EOI ends the image

    private Dimensions jpeg() throws MalformedImageException {
        int pos = 2;
        Dimensions size = null;
        while (true) {
            if (pos >= data.length || (data[pos] & 0xff) != 0xff) {
                throw pos >= data.length ? jpegCut()
                        : new MalformedImageException("byte " + pos + " should start a marker and does not");
            }
            while (pos < data.length && (data[pos] & 0xff) == 0xff) {
                pos++; // fill bytes before a marker code
            }
            if (pos >= data.length) {
                throw jpegCut();
            }
            int marker = data[pos++] & 0xff;
            if (marker == 0xd9) {
                if (size == null) {
                    throw new MalformedImageException("it ends without a frame header (SOF)");
                }
                return size;
            }
            if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd7) {
                continue; // markers without a length
            }
            if (pos + 2 > data.length || pos + uint16BigEndian(pos) > data.length) {
                throw new MalformedImageException("segment FF" + hex(marker) + " at byte " + (pos - 2)
                                                  + " is cut short at byte " + data.length + TRUNCATED);
            }
            int length = uint16BigEndian(pos);
            if (length < 2) {
                throw new MalformedImageException("segment FF" + hex(marker) + " at byte " + (pos - 2)
                                                  + " has an invalid length " + length);
            }
            if (isFrameHeader(marker)) {
                size = jpegFrame(pos, length);
            }
            pos += length;
            if (marker == 0xda) {
                if (size == null) {
                    throw new MalformedImageException("a scan (SOS) comes before the frame header (SOF)");
                }
                pos = endOfScan(pos);
            }
        }
    }

    private Dimensions jpegFrame(int pos, int length) throws MalformedImageException {
        if (length < 8) {
            throw new MalformedImageException("the frame header (SOF) is " + length + " bytes long, too short");
        }
        int height = uint16BigEndian(pos + 3);
        if (height == 0) {
            throw new MalformedImageException("its frame header leaves the height to a later DNL marker, which is"
                                              + " not supported");
        }
        return positive(uint16BigEndian(pos + 5), height);
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    /** The position of the marker that ends the entropy-coded data starting at {@code pos}. */
    private int endOfScan(int pos) throws MalformedImageException {
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xff) != 0xff) {
                pos++;
                continue;
            }
            int next = data[pos + 1] & 0xff;
            if (next == 0x00 || next >= 0xd0 && next <= 0xd7) {
                pos += 2; // a stuffed 0xFF data byte or a restart marker: still inside the scan
            } else if (next == 0xff) {
                pos++;
            } else {
                return pos;
            }
        }
        throw jpegCut();
    }

    private MalformedImageException jpegCut() {
        return new MalformedImageException("the data ends at byte " + data.length + " before the EOI marker"
                                           + TRUNCATED);
    }

    // WebP: "RIFF", little-endian size of what follows, "WEBP", then chunks of fourcc, little-endian size, data
    // (padded to an even length); the size is in VP8X (canvas), VP8 (lossy) or VP8L (lossless)

    private Dimensions webp() throws MalformedImageException {
        long end = uint32LittleEndian(4) + 8;
        if (end > data.length) {
            throw new MalformedImageException("its RIFF header declares " + end + " bytes, but there are "
                                              + data.length + TRUNCATED);
        }
        int pos = 12;
        Dimensions canvas = null;
        Dimensions frame = null;
        boolean pixels = false;
        while (pos + 8 <= end) {
            String chunk = ascii(pos, 4);
            long length = uint32LittleEndian(pos + 4);
            if (pos + 8 + length > end) {
                throw new MalformedImageException("chunk " + chunk.trim() + " at byte " + pos + " needs "
                                                  + (length + 8) + " bytes, past the end of the RIFF data at byte "
                                                  + end + TRUNCATED);
            }
            int body = pos + 8;
            switch (chunk) {
                case "VP8X" -> canvas = webpCanvas(body, length);
                case "VP8 " -> frame = lossyFrame(body, length);
                case "VP8L" -> frame = losslessFrame(body, length);
                default -> {
                    // metadata (ICCP, EXIF, XMP), alpha (ALPH) or animation (ANIM, ANMF) chunks
                }
            }
            pixels |= frame != null || "ANMF".equals(chunk);
            pos = body + (int) length + (int) (length & 1);
        }
        if (!pixels) {
            throw new MalformedImageException("it has no image data (no VP8, VP8L or ANMF chunk)");
        }
        Dimensions size = canvas != null ? canvas : frame;
        if (size == null) {
            throw new MalformedImageException("it is animated without a VP8X canvas size");
        }
        return size;
    }

    private Dimensions webpCanvas(int body, long length) throws MalformedImageException {
        if (length < 10) {
            throw new MalformedImageException("its VP8X chunk is " + length + " bytes long, too short");
        }
        return positive(uint24LittleEndian(body + 4) + 1L, uint24LittleEndian(body + 7) + 1L);
    }

    private Dimensions lossyFrame(int body, long length) throws MalformedImageException {
        if (length < 10 || (data[body + 3] & 0xff) != 0x9d || (data[body + 4] & 0xff) != 0x01
            || (data[body + 5] & 0xff) != 0x2a) {
            throw new MalformedImageException("its VP8 chunk does not start with a key frame header");
        }
        return positive(uint16LittleEndian(body + 6) & 0x3fff, uint16LittleEndian(body + 8) & 0x3fff);
    }

    private Dimensions losslessFrame(int body, long length) throws MalformedImageException {
        if (length < 5 || (data[body] & 0xff) != 0x2f) {
            throw new MalformedImageException("its VP8L chunk does not start with the lossless signature");
        }
        long bits = uint32LittleEndian(body + 1);
        return positive((bits & 0x3fff) + 1, (bits >> 14 & 0x3fff) + 1);
    }

    // helpers

    private static Dimensions positive(long width, long height) throws MalformedImageException {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new MalformedImageException("its header gives an invalid size " + width + "x" + height);
        }
        return new Dimensions((int) width, (int) height);
    }

    private String ascii(int offset, int length) {
        return new String(data, offset, length, StandardCharsets.ISO_8859_1);
    }

    private int uint16BigEndian(int offset) {
        return (data[offset] & 0xff) << 8 | data[offset + 1] & 0xff;
    }

    private long uint32BigEndian(int offset) {
        return (long) uint16BigEndian(offset) << 16 | uint16BigEndian(offset + 2);
    }

    private int uint16LittleEndian(int offset) {
        return data[offset] & 0xff | (data[offset + 1] & 0xff) << 8;
    }

    private int uint24LittleEndian(int offset) {
        return uint16LittleEndian(offset) | (data[offset + 2] & 0xff) << 16;
    }

    private long uint32LittleEndian(int offset) {
        return uint16LittleEndian(offset) | (long) uint16LittleEndian(offset + 2) << 16;
    }

    private static String hex(int marker) {
        return String.format("%02X", marker);
    }
}
