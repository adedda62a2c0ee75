package io.github.camelvideo.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.async.Failures;
import io.github.camelvideo.core.error.VideoBudgetExceededException;
import io.github.camelvideo.core.job.JdbcJobStore;
import io.github.camelvideo.core.testing.PostgresServer;
import io.github.camelvideo.emulator.VideoEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code maxSpendUsd} holds where a process-local counter would not: after the application restarted on its file
 * store, and with two instances sharing one PostgreSQL job store, even when they race for the last dollar. The job
 * that would cross the cap fails with {@link VideoBudgetExceededException} and the emulator never sees its create
 * request.
 */
class SpendCapTest {

    /** sora-2 at 0.10 USD a second: each 4 s job is estimated at 0.40 USD, so 1.00 USD pays for two. */
    private static final String CAPPED = "sora:textToVideo?seconds=4&maxSpendUsd=1.00&budgetPeriod=P1D"
                                         + "&waitForCompletion=false";

    private static VideoEmulator emulator;
    private static PostgresServer postgres;

    @TempDir
    Path output;

    @BeforeAll
    static void start() throws Exception {
        emulator = VideoEmulator.builder().jobDuration(Duration.ofMillis(300)).pollAfterMs(50).start();
        postgres = PostgresServer.shared();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clear() {
        emulator.clearRequests();
    }

    @Test
    void theCapHoldsAfterARestartOnTheFileStore() throws Exception {
        try (VideoInstance first = VideoInstance.start(emulator.baseUrl(), output, null)) {
            assertThat(first.send(CAPPED, "cap-1").getException()).isNull();
            assertThat(first.send(CAPPED, "cap-2").getException()).isNull();
        }
        assertThat(Files.list(output.resolve(".camel-video-jobs")).filter(f -> f.toString().endsWith(".json")))
                .hasSize(2);

        try (VideoInstance restarted = VideoInstance.start(emulator.baseUrl(), output, null)) {
            Exchange third = restarted.send(CAPPED, "cap-3");

            assertThat(failureOf(third)).isInstanceOf(VideoBudgetExceededException.class)
                    .hasMessageContaining("cap-3").hasMessageContaining("0.80 USD")
                    .hasMessageContaining("maxSpendUsd 1.00 USD");
        }
        assertThat(emulator.requests("POST", "/v1/videos")).as("create requests: none for the third job").hasSize(2);
    }

    @Test
    void theCapHoldsAcrossTwoInstancesSharingPostgres() throws Exception {
        DataSource database = postgres.dataSource(postgres.createDatabase());
        try (VideoInstance a = VideoInstance.start(emulator.baseUrl(), output.resolve("a"), new JdbcJobStore(database));
             VideoInstance b = VideoInstance.start(emulator.baseUrl(), output.resolve("b"),
                     new JdbcJobStore(database))) {
            assertThat(a.send(CAPPED, "shared-1").getException()).isNull();
            assertThat(b.send(CAPPED, "shared-2").getException()).isNull();

            assertThat(failureOf(a.send(CAPPED, "shared-3"))).isInstanceOf(VideoBudgetExceededException.class)
                    .hasMessageContaining("0.80 USD");
            assertThat(failureOf(b.send(CAPPED, "shared-4"))).isInstanceOf(VideoBudgetExceededException.class);
        }
        assertThat(emulator.requests("POST", "/v1/videos")).hasSize(2);
    }

    @Test
    void twoInstancesRacingForTheLastDollarsPayForTwoJobsOnly() throws Exception {
        DataSource database = postgres.dataSource(postgres.createDatabase());
        try (VideoInstance a = VideoInstance.start(emulator.baseUrl(), output.resolve("a"), new JdbcJobStore(database));
             VideoInstance b = VideoInstance.start(emulator.baseUrl(), output.resolve("b"),
                     new JdbcJobStore(database))) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                VideoInstance instance = i % 2 == 0 ? a : b;
                String key = "race-" + i;
                sent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return instance.send(CAPPED, key);
                }));
            }
            go.countDown();
            List<Throwable> failures = sent.stream().map(CompletableFuture::join).map(SpendCapTest::failureOf)
                    .filter(e -> e != null).toList();

            assertThat(failures).hasSize(8).allSatisfy(e -> assertThat(e)
                    .isInstanceOf(VideoBudgetExceededException.class));
        }
        assertThat(emulator.requests("POST", "/v1/videos")).as("create requests of the two jobs the cap allows")
                .hasSize(2);
    }

    private static Throwable failureOf(Exchange exchange) {
        Exception e = exchange.getException();
        return e instanceof CamelExecutionException ? Failures.unwrap(e.getCause()) : e;
    }
}
