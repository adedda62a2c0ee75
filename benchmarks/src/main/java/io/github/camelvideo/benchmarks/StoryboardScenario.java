package io.github.camelvideo.benchmarks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.mp4parser.Container;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.builder.DefaultMp4Builder;
import org.mp4parser.muxer.container.mp4.MovieCreator;
import org.mp4parser.muxer.tracks.AppendTrack;

import io.github.camelvideo.core.media.Mp4Info;
import io.github.camelvideo.core.media.Mp4Join;
import io.github.camelvideo.core.media.Mp4Probe;
import io.github.camelvideo.emulator.media.Mp4Renderer;

/**
 * The last step of a storyboard: clips joined end to end without re-encoding, by the core's {@link Mp4Join} and by
 * the join users write with mp4parser's {@code AppendTrack} (its README's example).
 */
public final class StoryboardScenario implements Scenario {

    private static final int ROUNDS = 2;

    @Override
    public String name() {
        return "storyboard";
    }

    @Override
    public String description() {
        return "clips joined into one MP4 without re-encoding: time, heap growth after GC, duration of the result";
    }

    @Override
    public List<Figure> run(Scale scale, Path work) throws Exception {
        Progress.say("storyboard: rendering " + scale.joinClips() + " clips of " + scale.clipSeconds() + " s");
        List<Path> clips = new ArrayList<>();
        Path first = work.resolve("clip-0.mp4");
        Mp4Renderer.render(first, 1280, 720, scale.clipSeconds());
        clips.add(first);
        // the renderer is deterministic: the other clips are copies, separate files as a storyboard's scenes are
        for (int i = 1; i < scale.joinClips(); i++) {
            clips.add(Files.copy(first, work.resolve("clip-" + i + ".mp4")));
        }
        String load = scale.joinClips() + " x " + scale.clipSeconds() + " s";
        List<Figure> figures = new ArrayList<>();
        figures.addAll(measure(load, "camel-video Mp4Join", clips, work.resolve("joined-core.mp4"), true,
                scale.joinClips() * scale.clipSeconds()));
        figures.addAll(measure(load, "hand-made mp4parser AppendTrack", clips, work.resolve("joined-append.mp4"),
                false, scale.joinClips() * scale.clipSeconds()));
        return figures;
    }

    private List<Figure> measure(String load, String approach, List<Path> clips, Path target, boolean core,
                                 int expectedSeconds) throws IOException {
        Progress.say("storyboard: " + approach + ", " + load);
        double best = Double.MAX_VALUE;
        long heap = 0;
        Mp4Info info = null;
        for (int round = 0; round < ROUNDS; round++) {
            Files.deleteIfExists(target);
            try (HeapSampler sampler = new HeapSampler()) {
                long start = System.nanoTime();
                if (core) {
                    Mp4Join.join(clips, target);
                } else {
                    appendTrackJoin(clips, target);
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
                heap = Math.max(heap, sampler.growthAfterGc());
            }
            info = Mp4Probe.probe(target);
        }
        List<Figure> f = new ArrayList<>();
        f.add(new Figure(name(), load, approach, "join time", best, "ms", null));
        f.add(new Figure(name(), load, approach, "heap growth after GC", heap / 1048576.0, "MiB", null));
        f.add(new Figure(name(), load, approach, "duration of the result", Math.round(info.durationSeconds() * 10)
                / 10.0, "s", Goal.equalTo(expectedSeconds)));
        f.add(new Figure(name(), load, approach, "size of the result", Files.size(target) / 1048576.0, "MiB", null));
        return f;
    }

    /** The join as mp4parser's README shows it: every clip's tracks appended, written by the default builder. */
    private static void appendTrackJoin(List<Path> clips, Path target) throws IOException {
        List<Track> videos = new ArrayList<>();
        for (Path clip : clips) {
            Movie movie = MovieCreator.build(clip.toString());
            for (Track track : movie.getTracks()) {
                if (track.getHandler().equals("vide")) {
                    videos.add(track);
                }
            }
        }
        Movie result = new Movie();
        result.addTrack(new AppendTrack(videos.toArray(new Track[0])));
        Container out = new DefaultMp4Builder().build(result);
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.writeContainer(channel);
        }
    }
}
