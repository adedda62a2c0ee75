package io.github.camelvideo.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelvideo.emulator.RecordedRequest;
import io.github.camelvideo.emulator.VideoEmulator;

/**
 * Counts the requests the emulator received, per kind and per job, taking them out of its log as it goes so that the
 * log does not grow with the run (and so does not count as the client's heap).
 */
public final class RequestCounter {

    private static final Pattern STATUS_READ = Pattern.compile("/v1/videos/(video_[^/]+)");
    private static final Pattern CONTENT = Pattern.compile("/v1/videos/[^/]+/content");

    private final VideoEmulator emulator;
    private final Map<String, Integer> readsPerJob = new HashMap<>();
    private long creates;
    private long statusReads;
    private long downloads;
    private long errors;

    public RequestCounter(VideoEmulator emulator) {
        this.emulator = emulator;
        emulator.takeRequests();
    }

    /** Takes the requests recorded since the last call into the counts. */
    public synchronized RequestCounter update() {
        List<RecordedRequest> taken = emulator.takeRequests();
        for (RecordedRequest r : taken) {
            if (r.status() >= 400 || r.status() == 0) {
                errors++;
            }
            if (r.method().equals("POST") && r.path().equals("/v1/videos")) {
                creates++;
            } else if (r.method().equals("GET")) {
                Matcher m = STATUS_READ.matcher(r.path());
                if (m.matches()) {
                    statusReads++;
                    readsPerJob.merge(m.group(1), 1, Integer::sum);
                } else if (CONTENT.matcher(r.path()).matches()) {
                    downloads++;
                }
            }
        }
        return this;
    }

    public synchronized long creates() {
        return creates;
    }

    public synchronized long statusReads() {
        return statusReads;
    }

    public synchronized long downloads() {
        return downloads;
    }

    /** Responses with a status of 400 or more, or none (connection dropped). */
    public synchronized long errors() {
        return errors;
    }

    /** The most status reads any one job had. */
    public synchronized int maxReadsPerJob() {
        return readsPerJob.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
