package io.github.camelvideo.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;

import io.github.camelvideo.emulator.media.Mp4Renderer;

/**
 * Makes an MP4 of a given size at run time: a real clip from the emulator's renderer (H.264 by JCodec) whose media
 * data box is extended with padding no sample refers to. The file plays and probes as the clip does, and is as large
 * as asked, so a download of any size can be measured without committing a large file.
 */
public final class LargeMp4 {

    private static final int CLIP_SECONDS = 8;

    private LargeMp4() {
    }

    /**
     * Writes an MP4 of exactly {@code bytes} bytes (at least the clip's own size) to {@code target}.
     *
     * @throws IOException when the file cannot be written, or {@code bytes} needs a media data box over 4 GiB
     */
    public static Path create(Path target, long bytes) throws IOException {
        Path clip = Files.createTempFile(target.toAbsolutePath().getParent(), "clip", ".mp4");
        try {
            Mp4Renderer.render(clip, 1280, 720, CLIP_SECONDS);
            pad(clip, target, bytes);
        } finally {
            Files.deleteIfExists(clip);
        }
        return target;
    }

    private static void pad(Path clip, Path target, long bytes) throws IOException {
        try (FileChannel in = FileChannel.open(clip, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long padding = Math.max(0, bytes - size);
            long position = 0;
            while (position < size) {
                ByteBuffer header = ByteBuffer.allocate(16);
                in.read(header, position);
                long boxSize = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.US_ASCII);
                int headerSize = 8;
                if (boxSize == 1) {
                    boxSize = header.getLong(8); // a 64-bit "largesize" follows the type
                    headerSize = 16;
                }
                if (boxSize < headerSize) {
                    throw new IOException("Clip has a box of size " + boxSize + " (" + type + "), not handled here");
                }
                if (type.equals("mdat")) {
                    // the padding goes at the end of the media data, and the header keeps its size: no sample's
                    // offset changes
                    long grown = boxSize + padding;
                    ByteBuffer patched = ByteBuffer.allocate(headerSize);
                    if (headerSize == 16) {
                        patched.putInt(1).put(header.array(), 4, 4).putLong(grown);
                    } else if (grown <= 0xFFFF_FFFFL) {
                        patched.putInt((int) grown).put(header.array(), 4, 4);
                    } else {
                        throw new IOException("A media data box of " + grown + " bytes needs a 64-bit size");
                    }
                    out.write(patched.flip());
                    copy(in, out, position + headerSize, boxSize - headerSize);
                    writeZeros(out, padding);
                } else {
                    copy(in, out, position, boxSize);
                }
                position += boxSize;
            }
        }
    }

    private static void copy(FileChannel in, FileChannel out, long from, long length) throws IOException {
        long done = 0;
        while (done < length) {
            done += in.transferTo(from + done, length - done, out);
        }
    }

    private static void writeZeros(FileChannel out, long length) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        long left = length;
        while (left > 0) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), left));
            while (zeros.hasRemaining()) {
                left -= out.write(zeros);
            }
        }
    }
}
