package io.github.camelvideo.core.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Probes, joins and takes the last frame of fixture clips, printing what it found; run by
 * {@link ClassLoaderIsolationTest} inside a child class loader.
 *
 * <p>Arguments: the output directory, then two clips.
 */
public final class IsolatedMedia {

    private IsolatedMedia() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path first = Path.of(args[1]);
        Path second = Path.of(args[2]);
        System.out.println("loader " + Mp4Probe.class.getClassLoader().getName());
        System.out.println("probe " + Mp4Probe.probe(first).size());
        Path joined = out.resolve("joined.mp4");
        Mp4Join.join(List.of(first, second), joined);
        System.out.println("joined " + Mp4Probe.probe(joined).durationSeconds());
        Path png = Files.write(out.resolve("last.png"), LastFrame.png(joined));
        System.out.println("last frame " + Files.size(png));
    }
}
