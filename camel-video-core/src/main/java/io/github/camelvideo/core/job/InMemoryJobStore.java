package io.github.camelvideo.core.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default job store: a bounded map in memory, oldest entries evicted first. It survives redeliveries and
 * repeated messages within one JVM, not a restart.
 */
public final class InMemoryJobStore implements JobStore {

    /** Default number of keys kept. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, JobRecord> records;

    public InMemoryJobStore() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryJobStore(int capacity) {
        this.records = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JobRecord> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Optional<JobRecord> find(String key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized void put(String key, JobRecord record) {
        records.put(key, record);
    }

    @Override
    public synchronized void remove(String key) {
        records.remove(key);
    }

    /** Number of keys held. */
    public synchronized int size() {
        return records.size();
    }
}
