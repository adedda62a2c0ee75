package io.github.camelvideo.emulator.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Downloadable bytes of a known size, in a file or in memory, written by range. */
public interface Blob {

    /** The number of bytes. */
    long size();

    /** Writes {@code length} bytes starting at {@code offset}. */
    void write(OutputStream out, long offset, long length) throws IOException;

    /** A file's bytes. */
    static Blob of(Path file) throws IOException {
        long size = Files.size(file);
        return new Blob() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public void write(OutputStream out, long offset, long length) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    WritableByteChannel target = Channels.newChannel(out);
                    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                    long position = offset;
                    long remaining = length;
                    while (remaining > 0) {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                        int read = channel.read(buffer, position);
                        if (read < 0) {
                            throw new IOException("File shorter than expected: " + file);
                        }
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            target.write(buffer);
                        }
                        position += read;
                        remaining -= read;
                    }
                }
            }
        };
    }

    /** In-memory bytes (not copied: callers must not change them). */
    static Blob of(byte[] bytes) {
        return new Blob() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void write(OutputStream out, long offset, long length) throws IOException {
                out.write(bytes, Math.toIntExact(offset), Math.toIntExact(length));
            }
        };
    }
}
