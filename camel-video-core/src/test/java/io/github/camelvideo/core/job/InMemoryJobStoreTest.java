package io.github.camelvideo.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryJobStoreTest extends JobStoreContractTest {

    @Override
    protected JobStore newStore() {
        return new InMemoryJobStore(InMemoryJobStore.DEFAULT_CAPACITY, clock);
    }

    /** Within one JVM, every user of the store shares the one object. */
    @Override
    protected JobStore anotherInstance() {
        return store;
    }

    @Test
    void evictsTheOldestRecordsBeyondItsCapacity() {
        InMemoryJobStore small = new InMemoryJobStore(2, clock);
        small.createIfAbsent(pending("a", "1"));
        small.createIfAbsent(pending("b", "1"));
        small.createIfAbsent(pending("c", "1"));

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.find("a")).isEmpty();
        assertThat(small.find("c")).isPresent();
    }
}
