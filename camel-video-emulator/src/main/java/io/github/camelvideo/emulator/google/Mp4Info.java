package io.github.camelvideo.emulator.google;

import java.nio.ByteBuffer;

import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.TrakBox;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * Frame size and duration of an MP4 given as bytes (an extension source sent inline or from
 * Cloud Storage), read from its movie header and video track header with JCodec.
 *
 * @param width frame width
 * @param height frame height
 * @param seconds duration, rounded to whole seconds
 */
record Mp4Info(int width, int height, int seconds) {

    /** Reads the bytes; null when they are not an MP4 with a video track. */
    static Mp4Info read(byte[] bytes) {
        try {
            MP4Demuxer demuxer = MP4Demuxer.createRawMP4Demuxer(
                    ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(bytes)));
            MovieBox movie = demuxer.getMovie();
            TrakBox video = movie == null ? null : movie.getVideoTrack();
            if (video == null || movie.getTimescale() <= 0) {
                return null;
            }
            int seconds = (int) Math.round((double) movie.getDuration() / movie.getTimescale());
            return new Mp4Info(Math.round(video.getTrackHeader().getWidth()),
                    Math.round(video.getTrackHeader().getHeight()), seconds);
        } catch (Exception | AssertionError e) {
            // JCodec reports malformed input with a variety of runtime exceptions.
            return null;
        }
    }
}
