package io.github.camelvideo.emulator.media;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * The encoded H.264 frames of one frame size, produced on demand and kept for reuse.
 *
 * <p>Every frame is an IDR (intra-only) frame, so frames are independent and any prefix of
 * the sequence is a valid stream: a 12 s rendering reuses the frames of an earlier 4 s one
 * and encodes only the 16 new ones. Intra-only also suits JCodec, whose P frames of these flat
 * pictures come out larger and slower than its I frames. Memory: about 20 kB (720p) to 50 kB
 * (1080p) per frame, at most {@value #MAX_SECONDS} s x {@value Mp4Renderer#FPS} fps frames.
 */
final class FrameStore {

    /** The longest video the emulator renders (the documented maximum of an extended video). */
    static final int MAX_SECONDS = 120;

    private final int width;
    private final int height;
    private final List<byte[]> frames = new ArrayList<>();
    private final H264Encoder encoder = H264Encoder.createH264Encoder();
    private final Picture picture;
    private ByteBuffer buffer;

    FrameStore(int width, int height) {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Unsupported frame size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        encoder.setKeyInterval(1);
        // H.264 codes whole 16x16 macroblocks: pad the picture and let the encoder signal
        // cropping, so decoders report exactly width x height.
        this.picture = Picture.createCropped((width + 15) & ~15, (height + 15) & ~15, ColorSpace.YUV420J,
                new Rect(0, 0, width, height));
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * The Annex B bytes of frame {@code index} (shown at {@code index / FPS} s), encoding it and
     * any earlier missing frames first. Callers must not modify the array.
     *
     * @throws InterruptedIOException if the thread is interrupted while encoding
     */
    synchronized byte[] frame(int index) throws InterruptedIOException {
        if (index < 0 || index >= MAX_SECONDS * Mp4Renderer.FPS) {
            throw new IllegalArgumentException("Frame " + index + " is beyond " + MAX_SECONDS + " s");
        }
        while (frames.size() <= index) {
            if (Thread.currentThread().isInterrupted()) {
                // The emulator is closing; stop work nobody will read.
                throw new InterruptedIOException("Encoding interrupted");
            }
            frames.add(encode(frames.size()));
        }
        return frames.get(index);
    }

    private byte[] encode(int index) {
        YuvPainter.paint(picture, Scene.frame(width, height, (double) index / Mp4Renderer.FPS));
        if (buffer == null) {
            buffer = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
        }
        buffer.clear();
        ByteBuffer data = encoder.encodeFrame(picture, buffer).getData();
        return Arrays.copyOfRange(data.array(), data.arrayOffset() + data.position(), data.arrayOffset() + data.limit());
    }
}
