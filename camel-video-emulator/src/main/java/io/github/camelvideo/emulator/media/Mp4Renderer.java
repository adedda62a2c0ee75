package io.github.camelvideo.emulator.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Packet.FrameType;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Writes H.264 MP4 files of {@link Scene} frames with JCodec (pure Java).
 *
 * <p>A low frame rate keeps rendering cheap: the emulator serves hundreds of jobs, and the
 * clients under test only care that the file is a real, decodable MP4 with the right duration
 * and size. Each frame lasts exactly {@code 1/FPS} s, so {@code seconds * FPS} frames give
 * exactly the requested duration.
 */
public final class Mp4Renderer {

    /** Frames per second of every rendered video. */
    public static final int FPS = 2;

    private Mp4Renderer() {
    }

    /**
     * Renders a video to {@code target} (overwritten).
     *
     * @param target file to write
     * @param width frame width (even, at least 16)
     * @param height frame height (even, at least 16)
     * @param seconds duration in whole seconds, 1 to 120
     * @throws IOException if the file cannot be written or the thread is interrupted
     */
    public static void render(Path target, int width, int height, int seconds) throws IOException {
        render(target, new FrameStore(width, height), seconds);
    }

    /** Renders the first {@code seconds} seconds of the frames in {@code store}. */
    static void render(Path target, FrameStore store, int seconds) throws IOException {
        render(target, store, 0, seconds);
    }

    /**
     * Renders {@code seconds} seconds of the frames in {@code store} starting at second
     * {@code fromSecond}: the clip that continues a video of {@code fromSecond} seconds, so the
     * joined result reads on (clock, colours) as one video would.
     */
    static void render(Path target, FrameStore store, int fromSecond, int seconds) throws IOException {
        if (seconds < 1 || fromSecond < 0 || fromSecond + seconds > FrameStore.MAX_SECONDS) {
            throw new IllegalArgumentException("Unsupported duration " + seconds + " s from second " + fromSecond);
        }
        FileChannelWrapper channel = NIOUtils.writableChannel(target.toFile());
        try {
            MP4Muxer muxer = MP4Muxer.createMP4MuxerToChannel(channel);
            // The declared size goes into tkhd; the SPS carries the cropping that matches it.
            MuxerTrack track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(store.width(), store.height()), ColorSpace.YUV420J));
            int frames = seconds * FPS;
            int first = fromSecond * FPS;
            for (int i = 0; i < frames; i++) {
                // The muxer rewrites packet data in place, so it gets a copy of the shared frame.
                ByteBuffer data = ByteBuffer.wrap(store.frame(first + i).clone());
                track.addFrame(Packet.createPacket(data, i, FPS, 1, i, FrameType.KEY, null));
            }
            muxer.finish();
        } catch (RuntimeException e) {
            throw new IOException("Cannot render " + store.width() + "x" + store.height() + " " + seconds + " s", e);
        } finally {
            NIOUtils.closeQuietly(channel);
        }
    }
}
