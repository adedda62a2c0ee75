package io.github.camelvideo.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.spi.ErrorCategory;
import io.github.camelvideo.core.spi.JobError;
import io.github.camelvideo.core.spi.JobRef;
import io.github.camelvideo.core.spi.JobState;
import io.github.camelvideo.core.testing.SettableClock;

/**
 * What every job store does, run against each implementation by a subclass. "Another instance" is a second store
 * object on the same storage (the same directory, the same database through another data source), as a second
 * application instance or a restarted one would have.
 */
abstract class JobStoreContractTest {

    protected static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    protected final SettableClock clock = new SettableClock(START);
    protected JobStore store;

    /** A new store on fresh, empty storage, reading {@link #clock}. */
    protected abstract JobStore newStore();

    /** Another store object on the storage of the last {@link #newStore()}. */
    protected abstract JobStore anotherInstance();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void createsARecordOnlyWhenItsKeyIsFree() {
        JobStore.Creation first = store.createIfAbsent(pending("order-1", "2.50"));
        JobStore.Creation second = store.createIfAbsent(pending("order-1", "9.99"));

        assertThat(first.created()).isTrue();
        assertThat(first.record().version()).isEqualTo(1);
        assertThat(first.record().createdAt()).isEqualTo(START);
        assertThat(second.created()).isFalse();
        assertThat(second.record().costEstimateUsd()).isEqualByComparingTo("2.50");
        assertThat(store.find("order-1").orElseThrow().costEstimateUsd()).isEqualByComparingTo("2.50");
        assertThat(store.find("order-2")).isEmpty();
    }

    @Test
    void readsBackEveryFieldAndTheFormat() {
        JobRecord written = JobRecord.pending("order-7", "openai", "sha256:abc", new BigDecimal("1.25"),
                Map.of("OrderId", "7", "Customer", "ACME")).withLease("instance-a", START.plus(LEASE))
                .describing("storyboard-7", Map.of("prompt", "a fox", "seconds", "8"));
        store.createIfAbsent(written);
        JobRecord submitted = update(store.find("order-7").orElseThrow()
                .submitted(new JobRef("openai", "video_7", Map.of("operation", "ops/7"))));
        update(submitted.downloaded(Path.of("/videos/order-7.mp4")));
        JobRecord delivered = anotherInstance().find("order-7").orElseThrow();

        assertThat(delivered.format()).isEqualTo(JobRecord.FORMAT);
        assertThat(delivered.version()).isEqualTo(3);
        assertThat(delivered.provider()).isEqualTo("openai");
        assertThat(delivered.ref()).isEqualTo(new JobRef("openai", "video_7", Map.of("operation", "ops/7")));
        assertThat(delivered.requestDigest()).isEqualTo("sha256:abc");
        assertThat(delivered.state()).isEqualTo(DurableState.DOWNLOADED);
        assertThat(delivered.costEstimateUsd()).isEqualByComparingTo("1.25");
        assertThat(delivered.outputFile()).isEqualTo(Path.of("/videos/order-7.mp4"));
        assertThat(delivered.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("OrderId", "7", "Customer", "ACME"));
        assertThat(delivered.owner()).isEqualTo("instance-a");
        assertThat(delivered.leaseExpiresAt()).isEqualTo(START.plus(LEASE));
        assertThat(delivered.createdAt()).isEqualTo(START);
        assertThat(delivered.partOf()).isEqualTo("storyboard-7");
        assertThat(delivered.request()).containsExactlyInAnyOrderEntriesOf(Map.of("prompt", "a fox", "seconds", "8"));
    }

    @Test
    void renewsManyLeasesAtOnceAndNamesThoseNoLongerHeld() {
        store.createIfAbsent(pending("order-1", "1").withLease("instance-a", START.plus(LEASE)));
        store.createIfAbsent(pending("order-2", "1").withLease("instance-a", START.plus(LEASE)));
        store.createIfAbsent(pending("order-3", "1").withLease("instance-b", START.plus(LEASE)));

        Set<String> lost = store.renewAll(List.of("order-1", "order-2", "order-3", "order-gone"), "instance-a",
                START.plus(LEASE).plus(LEASE));

        assertThat(lost).containsExactlyInAnyOrder("order-3", "order-gone");
        assertThat(store.find("order-2").orElseThrow().leaseExpiresAt()).isEqualTo(START.plus(LEASE).plus(LEASE));
        assertThat(store.find("order-3").orElseThrow().leaseExpiresAt()).isEqualTo(START.plus(LEASE));
    }

    @Test
    void claimsOnlyWholeJobsOfTheGivenProvider() {
        store.createIfAbsent(pending("order-1", "1"));
        store.createIfAbsent(JobRecord.pending("order-2", "gemini", null, BigDecimal.ONE, Map.of()));
        store.createIfAbsent(pending("order-3/scene-1", "1").describing("order-3", Map.of()));
        Set<DurableState> pending = EnumSet.of(DurableState.PENDING);

        assertThat(keys(store.claimAvailable("openai", pending, "instance-a", clock.instant().plus(LEASE), 10)))
                .containsExactly("order-1");
        assertThat(keys(store.claimAvailable("gemini", pending, "instance-a", clock.instant().plus(LEASE), 10)))
                .containsExactly("order-2");
    }

    @Test
    void keepsTheFailureOfAFailedJob() {
        store.createIfAbsent(pending("order-f", "1"));
        JobError error = new JobError("moderation_blocked", "The prompt was refused", ErrorCategory.CONTENT_POLICY,
                List.of("violence"));
        update(store.find("order-f").orElseThrow().failed(error));

        JobRecord failed = anotherInstance().find("order-f").orElseThrow();
        assertThat(failed.state()).isEqualTo(DurableState.FAILED);
        assertThat(failed.failure()).isEqualTo(error);
    }

    @Test
    void statesOnlyMoveForward() {
        store.createIfAbsent(pending("order-1", "1"));
        JobRecord submitted = update(store.find("order-1").orElseThrow().submitted(JobRef.of("openai", "video_1")));
        JobRecord downloaded = update(submitted.downloaded(Path.of("/videos/1.mp4")));

        assertThatThrownBy(() -> store.update(downloaded.inDoubt(new JobError(null, "timeout", null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order-1").hasMessageContaining("DOWNLOADED").hasMessageContaining("IN_DOUBT");
        JobRecord delivered = update(downloaded.delivered());
        assertThatThrownBy(() -> store.update(delivered.failed(new JobError(null, "late", null, null))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.update(new JobRecord(delivered.format(), delivered.key(), delivered.version(),
                delivered.provider(), delivered.ref(), null, DurableState.SUBMITTED, null, null, null, null, null,
                null, null, null))).isInstanceOf(IllegalStateException.class);
        assertThat(store.find("order-1").orElseThrow().state()).isEqualTo(DurableState.DELIVERED);
    }

    @Test
    void aJobInDoubtCanBeAdoptedOrFailedButNotResent() {
        store.createIfAbsent(pending("order-d", "1"));
        JobRecord inDoubt = update(store.find("order-d").orElseThrow()
                .inDoubt(new JobError(null, "the create call timed out", ErrorCategory.UNKNOWN, null)));
        assertThatThrownBy(() -> store.update(pendingAgain(inDoubt))).isInstanceOf(IllegalStateException.class);

        JobRecord adopted = update(inDoubt.submitted(JobRef.of("openai", "video_d")));
        assertThat(adopted.state()).isEqualTo(DurableState.SUBMITTED);
        assertThat(adopted.version()).isEqualTo(3);
    }

    @Test
    void updatesAreCompareAndSetByVersion() {
        store.createIfAbsent(pending("order-1", "1"));
        JobRecord readByA = store.find("order-1").orElseThrow();
        JobRecord readByB = anotherInstance().find("order-1").orElseThrow();

        JobRecord writtenByA = update(readByA.submitted(JobRef.of("openai", "video_a")));
        assertThat(store.update(readByB.submitted(JobRef.of("openai", "video_b")))).isEmpty();

        assertThat(writtenByA.version()).isEqualTo(2);
        assertThat(store.find("order-1").orElseThrow().ref().id()).isEqualTo("video_a");
        assertThat(store.update(pending("order-unknown", "1"))).isEmpty();
    }

    @Test
    void putStoresARecordForCallersThatKnowOnlyTheProviderJob() {
        store.put("order-p", new JobRecord(JobRef.of("openai", "video_p"), JobState.RUNNING, START));
        store.put("order-p", new JobRecord(JobRef.of("openai", "video_p"), JobState.SUCCEEDED, START));

        JobRecord stored = store.find("order-p").orElseThrow();
        assertThat(stored.state()).isEqualTo(DurableState.SUBMITTED);
        assertThat(stored.ref().id()).isEqualTo("video_p");
        assertThat(stored.provider()).isEqualTo("openai");
        assertThat(stored.version()).isEqualTo(2);

        store.createIfAbsent(pending("order-q", "3.00"));
        store.put("order-q", new JobRecord(JobRef.of("openai", "video_q"), JobState.QUEUED, START));
        assertThat(store.find("order-q").orElseThrow().costEstimateUsd()).isEqualByComparingTo("3.00");

        store.remove("order-p");
        assertThat(store.find("order-p")).isEmpty();
    }

    @Test
    void listsByStateOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            store.createIfAbsent(pending("order-" + i, "1"));
            clock.advance(Duration.ofSeconds(1));
        }
        update(store.find("order-4").orElseThrow().submitted(JobRef.of("openai", "video_4")));
        update(store.find("order-2").orElseThrow().submitted(JobRef.of("openai", "video_2")));
        update(store.find("order-5").orElseThrow().inDoubt(new JobError(null, "timeout", null, null)));

        assertThat(keys(store.list(DurableState.SUBMITTED, DurableState.IN_DOUBT)))
                .containsExactly("order-2", "order-4", "order-5");
        assertThat(keys(anotherInstance().list(EnumSet.of(DurableState.PENDING))))
                .containsExactly("order-1", "order-3");
        assertThat(store.list(DurableState.DELIVERED)).isEmpty();
    }

    @Test
    void oneOwnerAtATimeUntilItsLeaseExpires() {
        store.createIfAbsent(pending("order-1", "1"));
        JobStore other = anotherInstance();

        assertThat(store.claim("order-1", "instance-a", START.plus(LEASE))).isPresent();
        assertThat(other.claim("order-1", "instance-b", START.plus(LEASE))).isEmpty();
        assertThat(other.renew("order-1", "instance-b", START.plus(LEASE))).isFalse();
        assertThat(other.release("order-1", "instance-b")).isFalse();

        clock.advance(Duration.ofSeconds(50));
        assertThat(store.renew("order-1", "instance-a", clock.instant().plus(LEASE))).isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(other.claim("order-1", "instance-b", clock.instant().plus(LEASE))).isEmpty();

        clock.advance(LEASE);
        JobRecord takenOver = other.claim("order-1", "instance-b", clock.instant().plus(LEASE)).orElseThrow();
        assertThat(takenOver.owner()).isEqualTo("instance-b");
        assertThat(store.renew("order-1", "instance-a", clock.instant().plus(LEASE))).isFalse();
        assertThat(store.release("order-1", "instance-a")).isFalse();

        assertThat(other.release("order-1", "instance-b")).isTrue();
        assertThat(store.claim("order-1", "instance-a", clock.instant().plus(LEASE))).isPresent();
        assertThat(store.claim("order-unknown", "instance-a", clock.instant().plus(LEASE))).isEmpty();
    }

    @Test
    void leasesDoNotConflictWithTheOwnersUpdates() {
        store.createIfAbsent(pending("order-1", "1"));
        JobRecord claimed = store.claim("order-1", "instance-a", START.plus(LEASE)).orElseThrow();
        assertThat(store.renew("order-1", "instance-a", START.plus(LEASE).plus(LEASE))).isTrue();

        JobRecord submitted = update(claimed.submitted(JobRef.of("openai", "video_1")));

        assertThat(claimed.version()).isEqualTo(1);
        assertThat(submitted.owner()).isEqualTo("instance-a");
        assertThat(store.find("order-1").orElseThrow().leaseExpiresAt()).isEqualTo(START.plus(LEASE).plus(LEASE));
    }

    @Test
    void claimsAvailableJobsOnceEach() {
        for (int i = 1; i <= 5; i++) {
            store.createIfAbsent(pending("order-" + i, "1"));
            update(store.find("order-" + i).orElseThrow().submitted(JobRef.of("openai", "video_" + i)));
            clock.advance(Duration.ofSeconds(1));
        }
        store.createIfAbsent(pending("order-6", "1"));
        Set<DurableState> resumable = EnumSet.of(DurableState.SUBMITTED, DurableState.DOWNLOADED);
        JobStore other = anotherInstance();

        assertThat(keys(store.claimAvailable("openai", resumable, "instance-a", clock.instant().plus(LEASE), 3)))
                .containsExactly("order-1", "order-2", "order-3");
        assertThat(keys(other.claimAvailable("openai", resumable, "instance-b", clock.instant().plus(LEASE), 10)))
                .containsExactly("order-4", "order-5");
        assertThat(store.claimAvailable("openai", resumable, "instance-a", clock.instant().plus(LEASE), 10)).isEmpty();

        clock.advance(LEASE);
        assertThat(keys(other.claimAvailable("openai", resumable, "instance-b", clock.instant().plus(LEASE), 10)))
                .containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");
    }

    @Test
    void concurrentClaimsNeverGrantAJobTwice() throws Exception {
        for (int i = 0; i < 40; i++) {
            store.createIfAbsent(pending("order-" + i, "1"));
        }
        List<JobStore> instances = List.of(store, anotherInstance());
        List<Callable<List<String>>> claimers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            JobStore instance = instances.get(t % 2);
            String owner = "instance-" + t;
            claimers.add(() -> {
                List<String> mine = new ArrayList<>();
                List<JobRecord> batch;
                do {
                    batch = instance.claimAvailable("openai", EnumSet.of(DurableState.PENDING), owner, START.plus(LEASE), 3);
                    mine.addAll(keys(batch));
                } while (!batch.isEmpty());
                return mine;
            });
        }
        List<String> granted = new ArrayList<>();
        for (List<String> claimedByOne : race(claimers)) {
            granted.addAll(claimedByOne);
        }

        assertThat(granted).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void sumsTheEstimatesOfJobsThatCostMoneyInThePeriod() {
        store.createIfAbsent(pending("yesterday", "7.00"));
        clock.advance(Duration.ofDays(1));
        Instant periodStart = clock.instant();
        store.createIfAbsent(pending("pending", "1.10"));
        update(store.find("pending").orElseThrow());
        store.createIfAbsent(pending("submitted", "2.20"));
        update(store.find("submitted").orElseThrow().submitted(JobRef.of("openai", "video_s")));
        store.createIfAbsent(pending("in-doubt", "0.30"));
        update(store.find("in-doubt").orElseThrow().inDoubt(new JobError(null, "timeout", null, null)));
        store.createIfAbsent(pending("failed", "5.00"));
        update(store.find("failed").orElseThrow().failed(new JobError(null, "refused", null, null)));
        store.createIfAbsent(JobRecord.pending("unpriced", "openai", null, null, null));

        assertThat(store.spendSince(periodStart)).isEqualByComparingTo("3.60");
        assertThat(anotherInstance().spendSince(START)).isEqualByComparingTo("10.60");
    }

    @Test
    void reservesSpendOnlyWithinTheCap() {
        store.createIfAbsent(pending("earlier", "9.00"));
        BigDecimal cap = new BigDecimal("10.00");

        SpendReservation fits = store.reserveSpend(pending("last-dollar", "1.00"), cap, START);
        SpendReservation over = store.reserveSpend(pending("one-cent-more", "0.01"), cap, START);
        SpendReservation again = store.reserveSpend(pending("last-dollar", "1.00"), cap, START);

        assertThat(fits.outcome()).isEqualTo(SpendReservation.Outcome.RESERVED);
        assertThat(fits.record().state()).isEqualTo(DurableState.PENDING);
        assertThat(fits.spentUsd()).isEqualByComparingTo("9.00");
        assertThat(over.outcome()).isEqualTo(SpendReservation.Outcome.EXCEEDED);
        assertThat(over.spentUsd()).isEqualByComparingTo("10.00");
        assertThat(over.capUsd()).isEqualByComparingTo("10.00");
        assertThat(store.find("one-cent-more")).isEmpty();
        assertThat(again.outcome()).isEqualTo(SpendReservation.Outcome.EXISTS);
        assertThat(again.record().key()).isEqualTo("last-dollar");
        assertThat(store.reserveSpend(pending("next-period", "10.00"), cap, START.plusSeconds(1)).outcome())
                .isEqualTo(SpendReservation.Outcome.RESERVED);
    }

    @Test
    void twentyRacersForTheLastFiveDollarsGetExactlyFive() throws Exception {
        List<JobStore> instances = List.of(store, anotherInstance());
        BigDecimal cap = new BigDecimal("10.00");
        for (int round = 0; round < 5; round++) {
            clock.advance(Duration.ofDays(1));
            Instant periodStart = clock.instant();
            store.createIfAbsent(pending("earlier-" + round, "5.00"));
            List<Callable<SpendReservation.Outcome>> racers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                JobStore instance = instances.get(i % 2);
                JobRecord job = pending("round-" + round + "-racer-" + i, "1.00");
                racers.add(() -> instance.reserveSpend(job, cap, periodStart).outcome());
            }

            List<SpendReservation.Outcome> outcomes = race(racers);

            assertThat(outcomes).filteredOn(o -> o == SpendReservation.Outcome.RESERVED).hasSize(5);
            assertThat(outcomes).filteredOn(o -> o == SpendReservation.Outcome.EXCEEDED).hasSize(15);
            assertThat(store.spendSince(periodStart)).isEqualByComparingTo("10.00");
        }
        assertThat(store.list(DurableState.PENDING)).hasSize(5 * 6);
    }

    @Test
    void remembersAnIdOnceUntilItExpires() {
        Instant until = START.plus(Duration.ofMinutes(5));

        assertThat(store.rememberOnce("msg_1", until)).isTrue();
        assertThat(store.rememberOnce("msg_1", until)).isFalse();
        assertThat(anotherInstance().rememberOnce("msg_1", until)).isFalse();
        assertThat(store.rememberOnce("msg_2", until)).isTrue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(store.rememberOnce("msg_1", clock.instant().plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(store.rememberOnce("msg_1", clock.instant().plus(Duration.ofMinutes(5)))).isFalse();
    }

    protected static JobRecord pending(String key, String usd) {
        return JobRecord.pending(key, "openai", "digest-" + key, new BigDecimal(usd), Map.of());
    }

    private JobRecord update(JobRecord next) {
        return store.update(next).orElseThrow(() -> new AssertionError("the update of " + next.key() + " conflicted"));
    }

    private static JobRecord pendingAgain(JobRecord record) {
        return new JobRecord(record.format(), record.key(), record.version(), record.provider(), record.ref(),
                record.requestDigest(), DurableState.PENDING, record.costEstimateUsd(), null, record.headers(), null,
                null, null, null, null);
    }

    private static List<String> keys(List<JobRecord> records) {
        return records.stream().map(JobRecord::key).toList();
    }

    /** Runs every task at once, released together by a latch, and returns their results. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
