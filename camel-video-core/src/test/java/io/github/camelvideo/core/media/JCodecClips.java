package io.github.camelvideo.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Packet.FrameType;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/** Renders H.264 MP4 clips of plain-coloured frames with JCodec, so tests know what each frame shows. */
final class JCodecClips {

    static final int FPS = 24;

    static final int BLUE = 0x0000ff;
    static final int GREEN = 0x00ff00;
    static final int RED = 0xff0000;

    private JCodecClips() {
    }

    /**
     * Renders one frame per colour, {@code 1/FPS} s each.
     *
     * @param keyInterval a key frame every that many frames; the others are P-frames
     * @param colours     the colour of each frame, {@code 0xRRGGBB}
     */
    static Path render(Path target, int width, int height, int keyInterval, int... colours) throws IOException {
        H264Encoder encoder = H264Encoder.createH264Encoder();
        encoder.setKeyInterval(keyInterval);
        // whole macroblocks, cropped to the size by the SPS
        Picture picture = Picture.createCropped((width + 15) & ~15, (height + 15) & ~15, ColorSpace.YUV420J,
                new Rect(0, 0, width, height));
        ByteBuffer buffer = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
        FileChannelWrapper channel = NIOUtils.writableChannel(target.toFile());
        try {
            MP4Muxer muxer = MP4Muxer.createMP4MuxerToChannel(channel);
            MuxerTrack track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
            for (int i = 0; i < colours.length; i++) {
                paint(picture, colours[i]);
                buffer.clear();
                EncodedFrame frame = encoder.encodeFrame(picture, buffer);
                ByteBuffer data = ByteBuffer.wrap(NIOUtils.toArray(frame.getData()));
                track.addFrame(Packet.createPacket(data, i, FPS, 1, i, frame.isKeyFrame() ? FrameType.KEY : FrameType.INTER,
                        null));
            }
            muxer.finish();
        } finally {
            NIOUtils.closeQuietly(channel);
        }
        return target;
    }

    /** Fills the picture with a colour, as video-range BT.601 Y'CbCr (what a decoder assumes for small sizes). */
    private static void paint(Picture picture, int rgb) {
        double r = (rgb >> 16 & 0xff) / 255.0;
        double g = (rgb >> 8 & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        fill(picture.getPlaneData(0), 16 + 65.481 * r + 128.553 * g + 24.966 * b);
        fill(picture.getPlaneData(1), 128 - 37.797 * r - 74.203 * g + 112 * b);
        fill(picture.getPlaneData(2), 128 + 112 * r - 93.786 * g - 18.214 * b);
    }

    private static void fill(byte[] plane, double value) {
        // JCodec keeps 8-bit samples minus 128 in signed bytes
        Arrays.fill(plane, (byte) (Math.round(value) - 128));
    }
}
