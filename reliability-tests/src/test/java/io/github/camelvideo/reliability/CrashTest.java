package io.github.camelvideo.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel application submitting jobs is killed with SIGKILL at every point of a job's life, again and again, and
 * started again each time, while a standalone emulator (another process) runs on and records what it received. At the
 * end, checked with the emulator's records: no job the provider accepted is lost, no create request was sent twice for
 * a job, and every finished job was delivered.
 *
 * <p>Each kill waits for an event that proves the point was reached, never for a time: a marker of the route's
 * checkpoint before {@code sora:} (held there: nothing sent yet), a create request the emulator processed and whose
 * answer it holds (accepted, the job id not yet known to the application), a status request whose answer it holds
 * (waiting for the job), a download the emulator stalled after its first bytes (mid-download), and a marker of the
 * checkpoint after {@code sora:} (held there: downloaded, not yet delivered). {@code -Dcrash.kills=200} runs longer.
 */
class CrashTest {

    private static final int KILLS = Integer.getInteger("crash.kills", 20);
    private static final int JOBS_PER_ROUND = 2;
    /** The lease of a job: a killed run's jobs are taken over this long after it last renewed them. */
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration EVENT_DEADLINE = Duration.ofSeconds(120);

    /** Where the application is killed. */
    enum KillPoint {
        BEFORE_CREATE, CREATE_UNANSWERED, WAITING, MID_DOWNLOAD, BEFORE_DELIVERY
    }

    private final WorkDirectory work = WorkDirectory.fresh("crash-test");
    private final Set<String> keys = new HashSet<>();
    private int starts;
    private EmulatorProcess emulator;

    @Test
    void jobsSurviveKillsAtEveryPointOfTheirLife() throws Exception {
        long began = System.nanoTime();
        Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
        try (EmulatorProcess started = EmulatorProcess.start(work.root(), Duration.ofMillis(1500))) {
            emulator = started;
            for (int round = 0; round < KILLS; round++) {
                KillPoint point = KillPoint.values()[round % KillPoint.values().length];
                for (int j = 0; j < JOBS_PER_ROUND; j++) {
                    submit("job-" + (keys.size() + 1));
                }
                killAt(point);
                kills.merge(point, 1, Integer::sum);
            }
            try (ChildJvm last = startApplication()) {
                Awaitility.await("every job delivered or reported").atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(100)).until(this::settled);
            }
            Outcome outcome = check();
            report(kills, outcome, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    private void submit(String key) {
        keys.add(key);
        work.submit(key);
    }

    /** Starts the application, waits until it reaches {@code point}, kills it there and undoes the holds. */
    private void killAt(KillPoint point) throws Exception {
        work.clearCheckpoints();
        arm(point);
        try (ChildJvm app = startApplication()) {
            Awaitility.await("the application at " + point + " (start " + starts + ")").atMost(EVENT_DEADLINE)
                    .pollInterval(Duration.ofMillis(10)).until(reached(point));
            app.kill();
        } finally {
            work.releaseHolds();
            emulator.resetFaults();
        }
    }

    private void arm(KillPoint point) {
        switch (point) {
            case BEFORE_CREATE -> work.hold("create");
            case CREATE_UNANSWERED -> emulator.holdCreates(1);
            case MID_DOWNLOAD -> emulator.stallDownloads(1, 8192);
            case BEFORE_DELIVERY -> work.hold("delivery");
            case WAITING -> emulator.holdPolls(1);
        }
    }

    private Callable<Boolean> reached(KillPoint point) {
        return switch (point) {
            case BEFORE_CREATE -> () -> work.passed("create");
            case CREATE_UNANSWERED -> () -> emulator.heldResponses() > 0;
            case WAITING -> () -> emulator.heldResponses() > 0;
            case MID_DOWNLOAD -> () -> emulator.stalledDownloads() > 0;
            case BEFORE_DELIVERY -> () -> work.passed("delivery");
        };
    }

    private ChildJvm startApplication() throws IOException {
        starts++;
        return ChildJvm.start(work.root().resolve("logs").resolve("application-" + starts + ".log"),
                VideoApplication.class, List.of("work=" + work.root(), "baseUrl=" + emulator.baseUrl(),
                        "leaseMs=" + LEASE.toMillis()));
    }

    /** Every job delivered, failed or reported in doubt, its record final, and nothing left in the inbox. */
    private boolean settled() {
        Map<String, List<Path>> delivered = work.delivered();
        Map<String, List<Path>> inDoubt = work.inDoubt();
        Map<String, List<Path>> failed = work.failed();
        boolean reported = keys.stream().allMatch(k -> delivered.containsKey(k) || inDoubt.containsKey(k)
                                                       || failed.containsKey(k));
        return reported && work.inbox().isEmpty() && work.records().values().stream()
                .map(r -> r.get("state").asText())
                .allMatch(s -> s.equals("DELIVERED") || s.equals("FAILED") || s.equals("IN_DOUBT"));
    }

    /** What the emulator recorded against what the application delivered. */
    /**
     * @param inDoubt          jobs reported in doubt and never accepted: their create request never reached the
     *                         provider (nothing paid), so the list had nothing to find
     * @param inDoubtAccepted  accepted jobs reported in doubt and never delivered (the list could not find them)
     * @param reportedThenDelivered jobs an exchange re-attaching to a {@code PENDING} record reported in doubt, which
     *                         the completion consumer then found in the list and delivered
     * @param failedThenDelivered jobs delivered and also reported failed to the route: the completion consumer
     *                         followed a job another exchange delivered meanwhile, and its write of the record failed
     * @param failed           jobs reported failed and never delivered
     */
    record Outcome(int keys, int creates, int accepted, int delivered, int duplicates, int inDoubt,
                   int inDoubtAccepted, int reportedThenDelivered, int failedThenDelivered, List<String> lost,
                   List<String> sentTwice, List<String> failed) {
    }

    private Outcome check() throws IOException {
        List<JsonNode> creates = emulator.creates();
        List<JsonNode> videos = emulator.videos();
        Map<String, List<String>> videosByKey = new HashMap<>();
        videos.forEach(v -> videosByKey.computeIfAbsent(WorkDirectory.keyOf(v.get("prompt").asText()),
                k -> new ArrayList<>()).add(v.get("id").asText()));
        Map<String, List<Path>> delivered = work.delivered();
        Map<String, List<Path>> inDoubt = work.inDoubt();
        Map<String, JsonNode> records = work.records();

        List<String> sentTwice = videosByKey.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> lost = new ArrayList<>();
        int inDoubtAccepted = 0;
        for (Map.Entry<String, List<String>> video : videosByKey.entrySet()) {
            String key = video.getKey();
            if (delivered.containsKey(key)) {
                byte[] expected = emulator.content(video.getValue().get(0));
                for (Path file : delivered.get(key)) {
                    assertThat(Files.readAllBytes(file)).as("the video delivered as %s", file).isEqualTo(expected);
                }
                assertThat(records.get(key).get("state").asText()).as("the record of %s", key).isEqualTo("DELIVERED");
            } else if (inDoubt.containsKey(key)) {
                inDoubtAccepted++;
            } else {
                lost.add(key);
            }
        }
        for (String key : keys) {
            if (!videosByKey.containsKey(key) && !inDoubt.containsKey(key)) {
                lost.add(key);
            }
        }
        int duplicates = delivered.values().stream().mapToInt(files -> files.size() - 1).sum();
        int neverAccepted = (int) keys.stream().filter(k -> !videosByKey.containsKey(k) && inDoubt.containsKey(k))
                .count();
        int reportedThenDelivered = (int) inDoubt.keySet().stream().filter(delivered::containsKey).count();
        Set<String> failed = work.failed().keySet();
        int failedThenDelivered = (int) failed.stream().filter(delivered::containsKey).count();
        List<String> failedOnly = failed.stream().filter(k -> !delivered.containsKey(k)).sorted().toList();
        return new Outcome(keys.size(), creates.size(), videos.size(), delivered.size(), duplicates, neverAccepted,
                inDoubtAccepted, reportedThenDelivered, failedThenDelivered, lost, sentTwice, failedOnly);
    }

    private void report(Map<KillPoint, Integer> kills, Outcome outcome, Duration took) throws IOException {
        String summary = "kills " + kills.values().stream().mapToInt(Integer::intValue).sum() + " " + kills
                         + "; application starts " + starts + "; " + outcome + "; took " + took.toSeconds() + " s";
        System.out.println(summary);
        Files.writeString(work.root().resolve("summary.txt"), summary + System.lineSeparator());

        assertThat(outcome.creates()).as("create requests, one per accepted job").isEqualTo(outcome.accepted());
        assertThat(outcome.sentTwice()).as("jobs whose create request was sent twice").isEmpty();
        assertThat(outcome.lost()).as("jobs lost: neither delivered nor reported in doubt").isEmpty();
        assertThat(outcome.inDoubtAccepted()).as("accepted jobs left in doubt although the list could find them")
                .isZero();
        assertThat(outcome.failed()).as("jobs reported failed and never delivered").isEmpty();
        // reported, not asserted: a job both reported in doubt (or failed) and delivered is rare (none in 200 kills,
        // one in some runs of 20), and docs/reliability.md describes it
        assertThat(outcome.reportedThenDelivered() + outcome.failedThenDelivered())
                .as("jobs reported in doubt or failed to the route and delivered too").isLessThanOrEqualTo(KILLS / 10);
        assertThat(outcome.delivered()).as("jobs delivered: every accepted one").isEqualTo(outcome.accepted());
        assertThat(outcome.delivered() + outcome.inDoubt()).as("jobs delivered or never accepted and reported")
                .isEqualTo(outcome.keys());
    }
}
