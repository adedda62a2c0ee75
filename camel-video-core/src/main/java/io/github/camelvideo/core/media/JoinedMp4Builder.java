package io.github.camelvideo.core.media;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.mp4parser.ParsableBox;
import org.mp4parser.boxes.iso14496.part12.EditBox;
import org.mp4parser.boxes.iso14496.part12.EditListBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.builder.DefaultFragmenterImpl;
import org.mp4parser.muxer.builder.DefaultMp4Builder;
import org.mp4parser.muxer.builder.Fragmenter;

/**
 * Builds the MP4 of {@link JoinedTrack}s: mp4parser's default builder with exact durations and edit lists, and
 * chunks that never span two clips.
 *
 * <p>The default builder truncates edit list durations to whole seconds and uses the least common multiple of all
 * timescales for the movie (45 158 400 for 12 288 Hz video with 44.1 kHz audio), which overflows the 32-bit edit
 * list after 95 seconds. Here the movie timescale is the video's and every duration is computed from the
 * {@link Timeline}. A chunk names one sample description for all its samples, so chunks start at each clip: clips
 * whose sample descriptions differ keep the right one.
 */
final class JoinedMp4Builder extends DefaultMp4Builder {

    private static final double CHUNK_SECONDS = 2;

    JoinedMp4Builder() {
        setFragmenter(new ClipChunks());
    }

    /** The first (video) track's timescale. */
    @Override
    public long getTimescale(Movie movie) {
        return movie.getTracks().get(0).getTrackMetaData().getTimescale();
    }

    @Override
    protected MovieBox createMovieBox(Movie movie, Map<Track, int[]> chunks) {
        MovieBox box = super.createMovieBox(movie, chunks);
        long duration = movie.getTracks().stream().mapToLong(track -> presentationLength(track, movie)).max().orElse(0);
        box.getMovieHeaderBox().setDuration(duration);
        return box;
    }

    @Override
    protected TrackBox createTrackBox(Track track, Movie movie, Map<Track, int[]> chunks) {
        TrackBox box = super.createTrackBox(track, movie, chunks);
        box.getTrackHeaderBox().setDuration(presentationLength(track, movie));
        return box;
    }

    @Override
    protected ParsableBox createEdts(Track track, Movie movie) {
        Timeline timeline = ((JoinedTrack) track).timeline();
        if (timeline.mediaStart() == 0) {
            return null;
        }
        EditListBox list = new EditListBox();
        list.setEntries(List.of(new EditListBox.Entry(list, presentationLength(track, movie), timeline.mediaStart(), 1.0)));
        EditBox edits = new EditBox();
        edits.addBox(list);
        return edits;
    }

    /** How long the track is shown, in the movie's timescale. */
    private long presentationLength(Track track, Movie movie) {
        Timeline timeline = ((JoinedTrack) track).timeline();
        return Timeline.rescale(timeline.presentationLength(), timeline.timescale(), getTimescale(movie));
    }

    /** Chunks of about two seconds, as by default, plus one starting at each clip. */
    private static final class ClipChunks implements Fragmenter {

        private final Fragmenter regular = new DefaultFragmenterImpl(CHUNK_SECONDS);

        @Override
        public long[] sampleNumbers(Track track) {
            long[] clipStarts = ((JoinedTrack) track).timeline().clipSamples();
            return LongStream.concat(Arrays.stream(regular.sampleNumbers(track)), Arrays.stream(clipStarts))
                    .distinct().sorted().toArray();
        }
    }
}
