package io.github.camelvideo.core.media;

import java.io.IOException;
import java.nio.file.Path;

import org.mp4parser.muxer.Track;

/**
 * Takes the last frame of an MP4 video as a PNG image, for instance to start the next scene of a story where the
 * previous one ended. Decoding is pure Java (JCodec): no native tools are needed.
 */
public final class LastFrame {

    private LastFrame() {
    }

    /**
     * The frame shown last by the first video track, as a PNG image at the video's display size (the coded size
     * less the cropping the stream signals: 1280x720, not the 1280x736 of whole macroblocks).
     *
     * <p>The track must be 8-bit 4:2:0 progressive H.264 (any profile up to High, CABAC or CAVLC, with or without
     * B-frames), which is what video generation services deliver. Only the frames from the last key frame on are
     * decoded, so time and memory depend on the key frame interval, not on the length of the video.
     *
     * @param mp4 the video
     * @return PNG bytes
     * @throws IOException when the file cannot be read, has no video track, or its video cannot be decoded
     */
    public static byte[] png(Path mp4) throws IOException {
        try (Mp4File file = Mp4File.open(mp4)) {
            Track video = file.firstTrack(Mp4File.VIDEO)
                    .orElseThrow(() -> new IOException("No video frames in " + file.name() + ": it has no video track"));
            LastPictureDecoder.Decoded last = LastPictureDecoder.decode(video, file.name());
            return PngPicture.encode(last.picture(), last.colour());
        }
    }
}
