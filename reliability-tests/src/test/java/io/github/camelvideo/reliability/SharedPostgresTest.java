package io.github.camelvideo.reliability;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.testing.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application (each a JVM of its own running {@link VideoApplication}) share a job store in one
 * PostgreSQL and 200 jobs, submitted without waiting ({@code waitForCompletion=false}) and collected by each
 * instance's {@code sora:jobs} consumer. Half-way, instance {@code b} is killed with SIGKILL: its leases are never
 * released. Checked with the emulator's request log, where each instance is told apart by the host it was given for
 * the emulator ({@code 127.0.0.1} for {@code a}, {@code localhost} for {@code b}, seen in the {@code Host} header):
 * no job was ever polled or downloaded by both instances at once (one instance's requests for a job all come before
 * the other's, and a switch happens only after the kill), {@code a} took over every job {@code b} left within
 * {@code leaseDuration} plus one sweep of its consumer, and every job was delivered once (twice only if {@code b} had
 * written its result and was killed before recording it delivered: at least once).
 */
class SharedPostgresTest {

    private static final int JOBS = 200;
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** The consumer sweeps the store three times per lease. */
    private static final Duration SWEEP = LEASE.dividedBy(3);
    /** What a loaded build machine adds to a take-over: JVM pauses, store calls, the first poll's round trip. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Pattern JOB_PATH = Pattern.compile("/v1/videos/([^/]+)(/content)?");

    private final WorkDirectory root = WorkDirectory.fresh("shared-postgres");
    private final WorkDirectory a = root.child("a");
    private final WorkDirectory b = root.child("b");

    @Test
    void twoInstancesShareTheJobsAndTheSurvivorTakesOverWithinTheLease() throws Exception {
        run(true);
    }

    /**
     * The same without a connection pool: every store call opens a connection, and on a loaded machine the store
     * calls of 100 submissions per instance are slow enough that a lease lapses while its owner still follows the job.
     * The other instance then takes the job over and both poll and download it ({@code JobLeases} warns "leased to
     * another instance, which follows it too; whichever finishes first delivers it").
     */
    @Test
    @Disabled("with slow store calls (no connection pool, a loaded machine) a lease lapses while its owner still"
              + " follows the job; the other instance takes it over and both poll and download it")
    void twoInstancesWithoutAConnectionPoolStillFollowEachJobOnce() throws Exception {
        run(false);
    }

    private void run(boolean pooled) throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase();
        DataSource store = postgres.dataSource(database);
        try (EmulatorProcess emulator = EmulatorProcess.start(root.root(), Duration.ofSeconds(4));
             ChildJvm first = start(a, "a", emulator.baseUrl(), postgres.jdbcUrl(database), pooled);
             ChildJvm second = start(b, "b", emulator.baseUrl("localhost"), postgres.jdbcUrl(database), pooled)) {
            for (int i = 0; i < JOBS; i++) {
                (i % 2 == 0 ? a : b).submit("shared-" + i);
            }
            Awaitility.await("every job accepted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> emulator.creates().size() >= JOBS);
            Awaitility.await("half of the jobs delivered, some by b").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> delivered().size() >= JOBS / 2 && b.delivered().size() >= JOBS / 20);

            second.kill();
            Instant killed = Instant.now();
            System.out.println("instance b killed at " + killed);
            long killedAt = emulator.lastSequence();
            Map<String, String> deliveredBeforeKill = delivered();
            // b may have written a result and died before recording it delivered: a delivers it again (at least once)
            Set<String> unconfirmed = new HashSet<>(b.delivered().keySet());
            unconfirmed.retainAll(notDelivered(store));

            Awaitility.await("every job delivered").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> delivered().size() >= JOBS && undelivered(store) == 0);

            check(emulator, killed, killedAt, deliveredBeforeKill, unconfirmed, store);
        }
    }

    private void check(EmulatorProcess emulator, Instant killed, long killedAt, Map<String, String> beforeKill,
                       Set<String> unconfirmed, DataSource store) throws SQLException {
        assertThat(emulator.creates()).as("create requests").hasSize(JOBS);
        Map<String, List<JsonNode>> byJob = new HashMap<>();
        for (JsonNode request : emulator.requests("method", "GET", "path", "/v1/videos/[^/]+(/content)?")) {
            Matcher m = JOB_PATH.matcher(request.get("path").asText());
            if (m.matches()) {
                byJob.computeIfAbsent(m.group(1), id -> new ArrayList<>()).add(request);
            }
        }
        int takenOver = 0;
        Duration slowestTakeOver = Duration.ZERO;
        for (Map.Entry<String, List<JsonNode>> job : byJob.entrySet()) {
            List<String> instances = job.getValue().stream().map(SharedPostgresTest::instance).toList();
            int firstOfA = instances.indexOf("a");
            int lastOfB = instances.lastIndexOf("b");
            if (firstOfA < 0 || lastOfB < 0) {
                continue; // one instance only
            }
            assertThat(lastOfB).as("job %s: requests of b after a's (%s)", job.getKey(), instances)
                    .isLessThan(firstOfA);
            JsonNode takeOver = job.getValue().get(firstOfA);
            assertThat(takeOver.get("sequence").asLong()).as("job %s taken over by a after b was killed",
                    job.getKey()).isGreaterThan(killedAt);
            Duration after = Duration.between(killed, Instant.parse(takeOver.get("time").asText()));
            slowestTakeOver = after.compareTo(slowestTakeOver) > 0 ? after : slowestTakeOver;
            takenOver++;
        }
        Map<String, List<String>> deliveries = deliveries();
        List<String> duplicates = deliveries.entrySet().stream().filter(d -> d.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
        System.out.println("jobs " + JOBS + ", delivered by a " + count(deliveries, "a") + ", by b "
                           + count(deliveries, "b") + ", delivered before the kill " + beforeKill.size()
                           + ", taken over by a " + takenOver + ", slowest take-over " + slowestTakeOver.toMillis()
                           + " ms after the kill (lease " + LEASE.toMillis() + " ms, sweep " + SWEEP.toMillis()
                           + " ms), delivered twice " + duplicates.size() + ", written by b but not recorded"
                           + " delivered when it was killed " + unconfirmed.size());

        assertThat(takenOver).as("jobs b left and a took over").isPositive();
        assertThat(slowestTakeOver).as("take-over after the kill").isLessThanOrEqualTo(LEASE.plus(SWEEP).plus(SLACK));
        assertThat(deliveries).as("every job delivered").hasSize(JOBS);
        assertThat(deliveries.values()).as("deliveries of each job").allSatisfy(d -> assertThat(d).hasSizeLessThan(3));
        assertThat(duplicates).as("jobs delivered twice: only those b delivered and was killed before recording")
                .isSubsetOf(unconfirmed);
        assertThat(undelivered(store)).isZero();
    }

    private static long count(Map<String, List<String>> deliveries, String instance) {
        return deliveries.values().stream().filter(d -> d.contains(instance)).count();
    }

    /** The instance that sent a request, by the host it used for the emulator. */
    private static String instance(JsonNode request) {
        JsonNode host = request.get("headers").get("Host");
        if (host == null) {
            host = request.get("headers").get("host");
        }
        return host.asText().startsWith("localhost") ? "b" : "a";
    }

    /** The delivered jobs: key to the instance that delivered it (the last one seen). */
    private Map<String, String> delivered() {
        Map<String, String> delivered = new TreeMap<>();
        deliveries().forEach((key, by) -> delivered.put(key, by.get(by.size() - 1)));
        return delivered;
    }

    /** Every delivery: key to the instances that delivered it. */
    private Map<String, List<String>> deliveries() {
        Map<String, List<String>> deliveries = new TreeMap<>();
        for (WorkDirectory work : List.of(a, b)) {
            work.delivered().forEach((key, files) -> files.forEach(f -> {
                String name = f.getFileName().toString();
                deliveries.computeIfAbsent(key, k -> new ArrayList<>()).add(name.split("~")[1]);
            }));
        }
        return deliveries;
    }

    /** The keys whose records are not {@code DELIVERED}. */
    private static Set<String> notDelivered(DataSource store) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT job_key FROM camel_video_jobs WHERE state <> 'DELIVERED'")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static int undelivered(DataSource store) throws SQLException {
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM camel_video_jobs WHERE state <> 'DELIVERED'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return JOBS;
            }
            throw e;
        }
    }

    private static ChildJvm start(WorkDirectory work, String instance, String baseUrl, String jdbcUrl,
                                  boolean pooled) throws IOException {
        return ChildJvm.start(work.root().resolve("application.log"), VideoApplication.class, List.of(
                "work=" + work.root(), "baseUrl=" + baseUrl, "instance=" + instance, "wait=false",
                "jdbcUrl=" + jdbcUrl, "leaseMs=" + LEASE.toMillis(), "pool=" + pooled));
    }
}
