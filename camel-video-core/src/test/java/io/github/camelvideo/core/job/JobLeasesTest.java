package io.github.camelvideo.core.job;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.poll.ManualScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/** The leases an instance holds are renewed by one timer, lost ones let go, and all given up at stop. */
class JobLeasesTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final InMemoryJobStore store = new InMemoryJobStore(100, new SchedulerClock(scheduler));
    private final JobLeases leases = new JobLeases(store, "instance-a", LEASE, scheduler, Runnable::run);

    @Test
    void oneTimerRenewsEveryHeldLeaseThreeTimesPerDuration() {
        held("order-1");
        held("order-2");
        leases.start();

        scheduler.advance(Duration.ofSeconds(20));

        Instant renewedUntil = scheduler.now().plus(LEASE);
        assertThat(store.find("order-1").orElseThrow().leaseExpiresAt()).isEqualTo(renewedUntil);
        assertThat(store.find("order-2").orElseThrow().leaseExpiresAt()).isEqualTo(renewedUntil);
        assertThat(scheduler.pending()).as("one timer, whatever the number of jobs").isEqualTo(1);
    }

    @Test
    void aLeaseAnotherInstanceHoldsIsTakenOnceItExpiresWhileTheJobIsStillWanted() {
        held("order-1");
        leases.start();
        scheduler.advance(LEASE.plusSeconds(1).minusSeconds(20)); // renewed once, at 20 s
        assertThat(store.claim("order-1", "instance-b", scheduler.now().plus(LEASE))).as("a's lease is live")
                .isEmpty();

        leases.stop();
        assertThat(store.claim("order-1", "instance-b", scheduler.now().plus(LEASE))).as("given up at stop")
                .isPresent();
        JobLeases again = new JobLeases(store, "instance-a", LEASE, scheduler, Runnable::run);
        again.hold("order-1");
        again.start();
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(store.find("order-1").orElseThrow().owner()).as("b's lease still runs").isEqualTo("instance-b");

        scheduler.advance(LEASE);

        assertThat(again.holds("order-1")).isTrue();
        assertThat(store.find("order-1").orElseThrow().owner()).as("taken once b's lease expired")
                .isEqualTo("instance-a");
    }

    @Test
    void aReleasedJobIsFreeAtOnceAndListenersHearOfIt() {
        held("order-1");
        int[] heard = new int[1];
        leases.onRelease(() -> heard[0]++);

        leases.release("order-1").toCompletableFuture().join();

        assertThat(store.find("order-1").orElseThrow().leaseFree(scheduler.now())).isTrue();
        assertThat(leases.holds("order-1")).isFalse();
        assertThat(heard[0]).isEqualTo(1);
    }

    private void held(String key) {
        store.createIfAbsent(JobRecord.pending(key, "openai", null, BigDecimal.ONE, Map.of())
                .withLease("instance-a", leases.until()));
        leases.hold(key);
    }

    /** The scheduler's time as a clock, so the store's lease checks and the timer agree. */
    private static final class SchedulerClock extends Clock {

        private final ManualScheduler scheduler;

        SchedulerClock(ManualScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return scheduler.now();
        }
    }
}
