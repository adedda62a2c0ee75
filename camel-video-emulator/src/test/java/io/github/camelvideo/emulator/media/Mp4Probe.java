package io.github.camelvideo.emulator.media;

import java.io.IOException;

import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.tools.Path;

/** Reads duration and frame size from an MP4's boxes with isoparser (no ffprobe needed). */
public record Mp4Probe(double durationSeconds, int width, int height) {

    /** Probes a file. */
    public static Mp4Probe of(java.nio.file.Path file) throws IOException {
        try (IsoFile iso = new IsoFile(file.toFile())) {
            MovieHeaderBox mvhd = iso.getMovieBox().getMovieHeaderBox();
            TrackHeaderBox tkhd = Path.getPath(iso, "moov[0]/trak[0]/tkhd[0]");
            return new Mp4Probe((double) mvhd.getDuration() / mvhd.getTimescale(), (int) tkhd.getWidth(),
                    (int) tkhd.getHeight());
        }
    }
}
