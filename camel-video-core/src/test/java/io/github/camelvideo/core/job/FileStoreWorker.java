package io.github.camelvideo.core.job;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * One contender on a shared {@link FileJobStore} directory, run in this JVM or in another process: it reserves
 * {@code $1} jobs under a cap, then claims submitted jobs one at a time until none is left, and reports what it got.
 */
final class FileStoreWorker {

    static final BigDecimal CAP = new BigDecimal("30");
    static final int RESERVATIONS = 40;

    private FileStoreWorker() {
    }

    /** What one contender got. */
    record Result(int reserved, List<String> claimed) {

        String line() {
            return "reserved=" + reserved + " claimed=" + String.join(",", claimed);
        }

        static Result parse(String line) {
            String[] parts = line.split(" ");
            String claimed = parts[1].substring("claimed=".length());
            return new Result(Integer.parseInt(parts[0].substring("reserved=".length())),
                    claimed.isEmpty() ? List.of() : List.of(claimed.split(",")));
        }
    }

    /**
     * Arguments: the store directory and the owner name. It opens the store and reads it once (so that class loading
     * is done), says {@code ready}, and starts when a line arrives on standard input.
     */
    public static void main(String[] args) throws Exception {
        try (FileJobStore store = new FileJobStore(Path.of(args[0]))) {
            store.spendSince(Instant.EPOCH);
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            System.out.println(contend(store, args[1]).line());
        }
    }

    static Result contend(FileJobStore store, String owner) {
        int reserved = 0;
        for (int i = 0; i < RESERVATIONS; i++) {
            JobRecord job = JobRecord.pending(owner + "-" + i, "openai", null, BigDecimal.ONE, Map.of());
            if (store.reserveSpend(job, CAP, Instant.EPOCH).outcome() == SpendReservation.Outcome.RESERVED) {
                reserved++;
            }
        }
        List<String> claimed = new ArrayList<>();
        List<JobRecord> batch;
        do {
            batch = store.claimAvailable("openai", EnumSet.of(DurableState.SUBMITTED), owner,
                    Instant.now().plusSeconds(600), 1);
            batch.forEach(record -> claimed.add(record.key()));
        } while (!batch.isEmpty());
        return new Result(reserved, claimed);
    }
}
