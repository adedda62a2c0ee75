package io.github.camelvideo.core.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.camelvideo.core.job.DurableState;
import io.github.camelvideo.core.job.InMemoryJobStore;
import io.github.camelvideo.core.job.JobRecord;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.core.job.SpendReservation;

/**
 * An in-memory job store that records every write: the state written, the thread that wrote it, and what a test
 * observed at that moment (such as how many create requests the emulator had received), so a test can check the
 * order of the writes against the side effects.
 */
public final class RecordingJobStore implements JobStore {

    /** One write. */
    public record Write(String key, DurableState state, String thread, Object observed) {
    }

    private final JobStore delegate = new InMemoryJobStore();
    private final Supplier<Object> observer;
    private final List<Write> writes = new CopyOnWriteArrayList<>();

    /** @param observer what to note with each write */
    public RecordingJobStore(Supplier<Object> observer) {
        this.observer = observer;
    }

    /** The writes so far, in order. */
    public List<Write> writes() {
        return List.copyOf(writes);
    }

    /** The states written, in order. */
    public List<DurableState> states() {
        return writes.stream().map(Write::state).toList();
    }

    private void note(JobRecord record) {
        writes.add(new Write(record.key(), record.state(), Thread.currentThread().getName(), observer.get()));
    }

    @Override
    public Optional<JobRecord> find(String key) {
        return delegate.find(key);
    }

    @Override
    public void remove(String key) {
        delegate.remove(key);
    }

    @Override
    public Creation createIfAbsent(JobRecord record) {
        Creation creation = delegate.createIfAbsent(record);
        if (creation.created()) {
            note(creation.record());
        }
        return creation;
    }

    @Override
    public Optional<JobRecord> update(JobRecord next) {
        Optional<JobRecord> written = delegate.update(next);
        written.ifPresent(this::note);
        return written;
    }

    @Override
    public List<JobRecord> list(Set<DurableState> states) {
        return delegate.list(states);
    }

    @Override
    public Optional<JobRecord> claim(String key, String owner, Instant until) {
        return delegate.claim(key, owner, until);
    }

    @Override
    public List<JobRecord> claimAvailable(String provider, Set<DurableState> states, String owner, Instant until,
                                          int limit) {
        return delegate.claimAvailable(provider, states, owner, until, limit);
    }

    @Override
    public boolean renew(String key, String owner, Instant until) {
        return delegate.renew(key, owner, until);
    }

    @Override
    public boolean release(String key, String owner) {
        return delegate.release(key, owner);
    }

    @Override
    public BigDecimal spendSince(Instant since) {
        return delegate.spendSince(since);
    }

    @Override
    public SpendReservation reserveSpend(JobRecord pending, BigDecimal capUsd, Instant since) {
        SpendReservation reservation = delegate.reserveSpend(pending, capUsd, since);
        if (reservation.outcome() == SpendReservation.Outcome.RESERVED) {
            note(reservation.record());
        }
        return reservation;
    }

    @Override
    public boolean rememberOnce(String id, Instant until) {
        return delegate.rememberOnce(id, until);
    }
}
