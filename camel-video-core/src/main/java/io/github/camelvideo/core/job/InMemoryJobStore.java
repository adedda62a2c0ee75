package io.github.camelvideo.core.job;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job store in memory: a bounded map, oldest records evicted first. It survives redeliveries and repeated messages
 * within one JVM, not a restart, and is not shared between instances.
 */
public final class InMemoryJobStore implements JobStore {

    /** Default number of keys kept. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, JobRecord> records;
    private final Map<String, Instant> replayIds = new HashMap<>();
    private final Clock clock;

    public InMemoryJobStore() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryJobStore(int capacity) {
        this(capacity, Clock.systemUTC());
    }

    /** A store whose timestamps and lease checks read {@code clock}. */
    public InMemoryJobStore(int capacity, Clock clock) {
        this.clock = clock;
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
    public synchronized void remove(String key) {
        records.remove(key);
    }

    @Override
    public synchronized Creation createIfAbsent(JobRecord record) {
        JobRecord existing = records.get(record.key());
        if (existing != null) {
            return new Creation(existing, false);
        }
        Instant now = clock.instant();
        JobRecord stored = record.stored(1, now, now);
        records.put(stored.key(), stored);
        return new Creation(stored, true);
    }

    @Override
    public synchronized Optional<JobRecord> update(JobRecord next) {
        JobRecord current = records.get(next.key());
        if (current == null || current.version() != next.version()) {
            return Optional.empty();
        }
        current.requireForward(next.state());
        JobRecord stored = next.withLease(current.owner(), current.leaseExpiresAt())
                .stored(current.version() + 1, current.createdAt(), clock.instant());
        records.put(stored.key(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized List<JobRecord> list(Set<DurableState> states) {
        List<JobRecord> found = new ArrayList<>();
        for (JobRecord record : records.values()) {
            if (states.contains(record.state())) {
                found.add(record);
            }
        }
        found.sort(Comparator.comparing(JobRecord::createdAt));
        return found;
    }

    @Override
    public synchronized Optional<JobRecord> claim(String key, String owner, Instant until) {
        JobRecord current = records.get(key);
        if (current == null || current.leasedToOtherThan(owner, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(lease(current, owner, until));
    }

    @Override
    public synchronized List<JobRecord> claimAvailable(String provider, Set<DurableState> states, String owner,
                                                       Instant until, int limit) {
        Instant now = clock.instant();
        List<JobRecord> claimed = new ArrayList<>();
        for (JobRecord record : list(states)) {
            if (claimed.size() == limit) {
                break;
            }
            if (record.provider().equals(provider) && !record.isPart() && record.leaseFree(now)) {
                claimed.add(lease(record, owner, until));
            }
        }
        return claimed;
    }

    @Override
    public synchronized boolean renew(String key, String owner, Instant until) {
        JobRecord current = records.get(key);
        if (current == null || !owner.equals(current.owner())) {
            return false;
        }
        lease(current, owner, until);
        return true;
    }

    @Override
    public synchronized boolean release(String key, String owner) {
        JobRecord current = records.get(key);
        if (current == null || !owner.equals(current.owner())) {
            return false;
        }
        lease(current, null, null);
        return true;
    }

    @Override
    public synchronized BigDecimal spendSince(Instant since) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JobRecord record : records.values()) {
            if (DurableState.SPENDING.contains(record.state()) && !record.createdAt().isBefore(since)) {
                sum = sum.add(SpendReservation.estimate(record));
            }
        }
        return sum;
    }

    @Override
    public synchronized SpendReservation reserveSpend(JobRecord pending, BigDecimal capUsd, Instant since) {
        BigDecimal spent = spendSince(since);
        JobRecord existing = records.get(pending.key());
        if (existing != null) {
            return new SpendReservation(SpendReservation.Outcome.EXISTS, existing, spent, capUsd);
        }
        if (!SpendReservation.fits(spent, pending, capUsd)) {
            return new SpendReservation(SpendReservation.Outcome.EXCEEDED, null, spent, capUsd);
        }
        return new SpendReservation(SpendReservation.Outcome.RESERVED, createIfAbsent(pending).record(), spent, capUsd);
    }

    @Override
    public synchronized boolean rememberOnce(String id, Instant until) {
        Instant now = clock.instant();
        replayIds.values().removeIf(expiry -> !expiry.isAfter(now));
        return replayIds.putIfAbsent(id, until) == null;
    }

    /** Number of keys held. */
    public synchronized int size() {
        return records.size();
    }

    private JobRecord lease(JobRecord current, String owner, Instant until) {
        JobRecord leased = current.withLease(owner, until);
        records.put(leased.key(), leased);
        return leased;
    }
}
