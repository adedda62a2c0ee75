package io.github.camelvideo.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.core.ApiResponse;
import io.github.camelvideo.emulator.core.JsonFolder;

/**
 * Recorded requests keyed by sequence number (the arrival number, continued across restarts when
 * the log is kept in a state directory), so snapshots list them in arrival order even though they
 * complete in any order, and a client can page through them.
 */
final class RequestLog {

    /** Name of the document noting the last sequence number given when records were cleared. */
    private static final String LAST_SEQUENCE = "last-sequence";

    private final ConcurrentSkipListMap<Long, RecordedRequest> entries = new ConcurrentSkipListMap<>();
    /** Sequence number of the last request of earlier runs: this run's arrival numbers follow it. */
    private volatile long earlierRuns;
    private volatile JsonFolder journal = JsonFolder.NONE;
    /** Where the last sequence number is noted when records are cleared, so numbering never goes back. */
    private volatile JsonFolder numbering = JsonFolder.NONE;
    /** The highest sequence number this run gave. */
    private final AtomicLong lastGiven = new AtomicLong();

    /**
     * Keeps every record in {@code folder} from now on and takes back those earlier runs kept there;
     * numbering continues after the last of them, or after the last number given before a clear.
     * Call before the first request.
     *
     * @param counters where the last sequence number is noted when the records are cleared
     * @return the number of records taken back
     */
    int persistTo(JsonFolder folder, JsonFolder counters) {
        List<Map.Entry<Long, RecordedRequest>> records = folder.load(
                document -> Map.entry(RecordedRequestJson.sequence(document), RecordedRequestJson.read(document)));
        long last = 0;
        for (Map.Entry<Long, RecordedRequest> record : records) {
            entries.put(record.getKey(), record.getValue());
            last = Math.max(last, record.getKey());
        }
        for (long cleared : counters.load(document -> document.get("lastSequence").asLong())) {
            last = Math.max(last, cleared);
        }
        earlierRuns = Math.max(earlierRuns, last);
        journal = folder;
        numbering = counters;
        return records.size();
    }

    /** The records with a sequence number above {@code sequence}, in order, with their numbers. */
    List<Map.Entry<Long, RecordedRequest>> after(long sequence) {
        return List.copyOf(entries.tailMap(sequence, false).entrySet());
    }

    /** The highest sequence number given so far, cleared records included (0 before the first). */
    long lastSequence() {
        return Math.max(earlierRuns, lastGiven.get());
    }

    void add(long arrival, RecordedRequest request) {
        long sequence = earlierRuns + arrival;
        // Written before the response leaves, so a client that saw an answer finds its request recorded.
        journal.save(RecordedRequestJson.fileName(sequence), RecordedRequestJson.write(sequence, request));
        entries.put(sequence, request);
        lastGiven.accumulateAndGet(sequence, Math::max);
    }

    List<RecordedRequest> snapshot() {
        return List.copyOf(entries.values());
    }

    List<RecordedRequest> matching(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return entries.values().stream()
                .filter(r -> method.equals("*") || r.method().equalsIgnoreCase(method))
                .filter(r -> path.matcher(r.path()).matches())
                .toList();
    }

    /**
     * Removes and returns the entries one by one, so an entry added meanwhile is either returned or kept. Taken
     * entries leave the state directory too, as cleared ones do, so they do not come back after a restart.
     */
    List<RecordedRequest> take() {
        numbering.save(LAST_SEQUENCE, ApiResponse.JSON.createObjectNode().put("lastSequence", lastSequence()));
        List<RecordedRequest> taken = new java.util.ArrayList<>();
        for (Map.Entry<Long, RecordedRequest> e = entries.pollFirstEntry(); e != null; e = entries.pollFirstEntry()) {
            journal.remove(RecordedRequestJson.fileName(e.getKey()));
            taken.add(e.getValue());
        }
        return taken;
    }

    void clear() {
        numbering.save(LAST_SEQUENCE, ApiResponse.JSON.createObjectNode().put("lastSequence", lastSequence()));
        for (Long sequence = pollFirstKey(); sequence != null; sequence = pollFirstKey()) {
            journal.remove(RecordedRequestJson.fileName(sequence));
        }
    }

    private Long pollFirstKey() {
        Map.Entry<Long, RecordedRequest> first = entries.pollFirstEntry();
        return first == null ? null : first.getKey();
    }
}
