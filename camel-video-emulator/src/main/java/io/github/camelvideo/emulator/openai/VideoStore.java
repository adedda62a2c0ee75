package io.github.camelvideo.emulator.openai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelvideo.emulator.core.JobFate;
import io.github.camelvideo.emulator.core.JsonFolder;
import io.github.camelvideo.emulator.media.Footage;

/** The videos of the emulated project, safe for concurrent use. */
final class VideoStore {

    /** Sort position of a video, kept after deletion so a deleted id still works as a list cursor. */
    record SortKey(long createdAtMillis, long sequence) {
    }

    static final Comparator<SortKey> ASCENDING =
            Comparator.comparingLong(SortKey::createdAtMillis).thenComparingLong(SortKey::sequence);

    private final Map<String, VideoJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, SortKey> cursors = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Where jobs are kept across restarts; {@link JsonFolder#NONE} unless a state directory is set. */
    private volatile JsonFolder archive = JsonFolder.NONE;

    /**
     * Keeps every job in {@code folder} from now on and takes back the jobs an earlier run kept there.
     *
     * @return the number of jobs taken back
     */
    int persistTo(JsonFolder folder) {
        int restored = 0;
        for (VideoJob job : folder.load(VideoJobJson::read)) {
            cursors.put(job.id(), new SortKey(job.createdAtMillis(), job.sequence()));
            jobs.put(job.id(), job);
            sequence.accumulateAndGet(job.sequence(), Math::max);
            restored++;
        }
        this.archive = folder;
        return restored;
    }

    /** Every job, in no particular order (a snapshot). */
    List<VideoJob> all() {
        return List.copyOf(jobs.values());
    }

    /** A new random video id in OpenAI's shape. */
    static String newId() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "video_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Stores a new job built from its creation details; its size and seconds are those of the
     * footage it serves.
     */
    VideoJob create(String model, String prompt, Footage footage, long nowMillis, String remixedFrom, int extensions,
            JobFate fate, String requestDigest) {
        VideoJob job = new VideoJob(newId(), sequence.incrementAndGet(), model, prompt,
                footage.width() + "x" + footage.height(), footage.seconds(), nowMillis, remixedFrom, extensions, fate,
                footage, requestDigest);
        cursors.put(job.id(), new SortKey(job.createdAtMillis(), job.sequence()));
        // Stored before the response leaves, so a job a client was told about is never lost.
        archive.save(job.id(), VideoJobJson.write(job));
        jobs.put(job.id(), job);
        return job;
    }

    /**
     * The job with this id.
     *
     * @throws ApiException 404 when there is none
     */
    VideoJob require(String id) {
        VideoJob job = jobs.get(id);
        if (job == null) {
            throw ApiException.notFound("Video with id '" + id + "' not found.");
        }
        return job;
    }

    boolean remove(String id) {
        archive.remove(id);
        return jobs.remove(id) != null;
    }

    int size() {
        return jobs.size();
    }

    /** The sort key of a current or deleted video, or null for an id never seen. */
    SortKey cursor(String id) {
        return cursors.get(id);
    }

    /** A snapshot of all jobs in the given order. */
    List<VideoJob> sorted(boolean ascending) {
        Comparator<VideoJob> order = Comparator.comparing(j -> new SortKey(j.createdAtMillis(), j.sequence()), ASCENDING);
        List<VideoJob> list = new ArrayList<>(jobs.values());
        list.sort(ascending ? order : order.reversed());
        return list;
    }
}
