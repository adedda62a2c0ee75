package io.github.camelvideo.emulator;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Recorded requests keyed by arrival number, so snapshots list them in arrival order even
 * though they complete in any order.
 */
final class RequestLog {

    private final ConcurrentSkipListMap<Long, RecordedRequest> entries = new ConcurrentSkipListMap<>();

    void add(long arrival, RecordedRequest request) {
        entries.put(arrival, request);
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

    /** Removes and returns the entries one by one, so an entry added meanwhile is either returned or kept. */
    List<RecordedRequest> take() {
        List<RecordedRequest> taken = new java.util.ArrayList<>();
        for (java.util.Map.Entry<Long, RecordedRequest> e = entries.pollFirstEntry(); e != null;
                e = entries.pollFirstEntry()) {
            taken.add(e.getValue());
        }
        return taken;
    }

    void clear() {
        entries.clear();
    }
}
