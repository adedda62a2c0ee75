package io.github.camelvideo.emulator.google;

import java.io.IOException;

import io.github.camelvideo.emulator.media.Footage;
import io.github.camelvideo.emulator.media.MediaLibrary;

/**
 * The video an extension continues, as the request named it: the output of an earlier
 * generation, or MP4 bytes sent inline or read from Cloud Storage.
 *
 * @param info its frame size and length
 * @param generated the footage of an earlier generation, or null for bytes
 * @param bytes the MP4 bytes, or null for an earlier generation
 */
record SourceVideo(Mp4Info info, Footage generated, byte[] bytes) {

    /** The output of an earlier generation of this emulator. */
    static SourceVideo generated(Footage footage) {
        return new SourceVideo(new Mp4Info(footage.width(), footage.height(), footage.seconds()), footage, null);
    }

    /** MP4 bytes a client sent, already read as {@code info}. */
    static SourceVideo uploaded(byte[] bytes, Mp4Info info) {
        return new SourceVideo(info, null, bytes);
    }

    /** Its footage; sent bytes are kept in the media library first, so they can be continued. */
    Footage footage(MediaLibrary media) throws IOException {
        return generated != null ? generated : media.upload(bytes, info.width(), info.height(), info.seconds());
    }
}
