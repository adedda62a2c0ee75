package io.github.camelvideo.core.job;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job store on the local file system, needing no setup: one small JSON file per job in a directory, named by the
 * SHA-256 of its key (the key itself is stored inside). A record is written to a temporary file, forced to disk,
 * atomically renamed over the previous one and the directory forced too, so a crash leaves either the old record or
 * the new one, never a mix. A file that cannot be read (torn by a failing disk, edited by hand, or written by a later
 * release) is reported by name once and skipped by listings; it is never deleted, and an operation on its key fails
 * naming it.
 * <p>
 * Writes are serialised by a lock file in the directory (a {@link FileLock}), which also holds between processes on
 * one machine: several applications on the same machine may share a directory, and their leases exclude each other.
 * File locks are not reliable on network file systems, so instances on several machines share a {@link JdbcJobStore}
 * instead. Every call blocks while it reads or writes files; listings and spending sums read every record.
 */
public final class FileJobStore implements JobStore, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FileJobStore.class);
    private static final Pattern RECORD_NAME = Pattern.compile("[0-9a-f]{64}\\.json");
    private static final String LOCK_FILE = ".lock";
    private static final String REPLAY_DIRECTORY = "replay-ids";
    private static final int PURGE_EVERY = 256;
    /** One lock per directory in this JVM: file locks exclude other processes, not two channels of the same one. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Path replayDirectory;
    private final Clock clock;
    private final ReentrantLock jvmLock;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicInteger remembered = new AtomicInteger();
    private FileChannel lockChannel;

    /** A store in {@code directory}, created if missing. */
    public FileJobStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** A store in {@code directory} whose timestamps and lease checks read {@code clock}. */
    public FileJobStore(Path directory, Clock clock) {
        this.clock = clock;
        try {
            Files.createDirectories(directory);
            this.directory = directory.toRealPath();
            this.replayDirectory = Files.createDirectories(this.directory.resolve(REPLAY_DIRECTORY));
        } catch (IOException e) {
            throw new JobStoreException("Cannot create the job store directory " + directory, e);
        }
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.directory, d -> new ReentrantLock());
        locked(() -> {
            deleteTemporaryFiles(this.directory);
            deleteTemporaryFiles(replayDirectory);
            purgeReplayIds();
            return null;
        });
    }

    /** The directory holding the records. */
    public Path directory() {
        return directory;
    }

    @Override
    public Optional<JobRecord> find(String key) {
        return readKey(key);
    }

    @Override
    public void remove(String key) {
        locked(() -> {
            if (Files.deleteIfExists(fileOf(key))) {
                syncDirectory(directory);
            }
            return null;
        });
    }

    @Override
    public Creation createIfAbsent(JobRecord record) {
        return locked(() -> {
            Optional<JobRecord> existing = readKey(record.key());
            if (existing.isPresent()) {
                return new Creation(existing.get(), false);
            }
            Instant now = clock.instant();
            return new Creation(write(record.stored(1, now, now)), true);
        });
    }

    @Override
    public Optional<JobRecord> update(JobRecord next) {
        return locked(() -> {
            JobRecord current = readKey(next.key()).orElse(null);
            if (current == null || current.version() != next.version()) {
                return Optional.empty();
            }
            current.requireForward(next.state());
            return Optional.of(write(next.withLease(current.owner(), current.leaseExpiresAt())
                    .stored(current.version() + 1, current.createdAt(), clock.instant())));
        });
    }

    @Override
    public List<JobRecord> list(Set<DurableState> states) {
        List<JobRecord> found = new ArrayList<>();
        for (JobRecord record : readAll()) {
            if (states.contains(record.state())) {
                found.add(record);
            }
        }
        return found;
    }

    @Override
    public Optional<JobRecord> claim(String key, String owner, Instant until) {
        return locked(() -> {
            JobRecord current = readKey(key).orElse(null);
            if (current == null || current.leasedToOtherThan(owner, clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(write(current.withLease(owner, until)));
        });
    }

    @Override
    public List<JobRecord> claimAvailable(String provider, Set<DurableState> states, String owner, Instant until,
                                          int limit) {
        return locked(() -> {
            Instant now = clock.instant();
            List<JobRecord> claimed = new ArrayList<>();
            for (JobRecord record : list(states)) {
                if (claimed.size() == limit) {
                    break;
                }
                if (record.provider().equals(provider) && !record.isPart() && record.leaseFree(now)) {
                    claimed.add(write(record.withLease(owner, until)));
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean renew(String key, String owner, Instant until) {
        return locked(() -> {
            JobRecord current = readKey(key).orElse(null);
            if (current == null || !owner.equals(current.owner())) {
                return false;
            }
            write(current.withLease(owner, until));
            return true;
        });
    }

    @Override
    public boolean release(String key, String owner) {
        return locked(() -> {
            JobRecord current = readKey(key).orElse(null);
            if (current == null || !owner.equals(current.owner())) {
                return false;
            }
            write(current.withLease(null, null));
            return true;
        });
    }

    @Override
    public BigDecimal spendSince(Instant since) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JobRecord record : readAll()) {
            if (DurableState.SPENDING.contains(record.state()) && !record.createdAt().isBefore(since)) {
                sum = sum.add(SpendReservation.estimate(record));
            }
        }
        return sum;
    }

    @Override
    public SpendReservation reserveSpend(JobRecord pending, BigDecimal capUsd, Instant since) {
        return locked(() -> {
            BigDecimal spent = spendSince(since);
            Optional<JobRecord> existing = readKey(pending.key());
            if (existing.isPresent()) {
                return new SpendReservation(SpendReservation.Outcome.EXISTS, existing.get(), spent, capUsd);
            }
            if (!SpendReservation.fits(spent, pending, capUsd)) {
                return new SpendReservation(SpendReservation.Outcome.EXCEEDED, null, spent, capUsd);
            }
            Instant now = clock.instant();
            return new SpendReservation(SpendReservation.Outcome.RESERVED, write(pending.stored(1, now, now)), spent,
                    capUsd);
        });
    }

    @Override
    public boolean rememberOnce(String id, Instant until) {
        return locked(() -> {
            if (remembered.incrementAndGet() % PURGE_EVERY == 0) {
                purgeReplayIds();
            }
            Path file = replayDirectory.resolve(sha256(id));
            Instant expiry = replayExpiry(file);
            if (expiry != null && expiry.isAfter(clock.instant())) {
                return false;
            }
            writeAtomically(file, until.toString().getBytes(StandardCharsets.UTF_8));
            return true;
        });
    }

    /** Closes the lock file; a later call opens it again. */
    @Override
    public void close() throws IOException {
        jvmLock.lock();
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /** The file holding the record of {@code key}. */
    public Path fileOf(String key) {
        return directory.resolve(sha256(key) + ".json");
    }

    private Optional<JobRecord> readKey(String key) {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new JobStoreException("Cannot read the job record " + file + " of key '" + key + "'", e);
        }
        try {
            return Optional.of(checked(file, JobRecordJson.read(bytes)));
        } catch (IOException e) {
            report(file, e);
            throw new JobStoreException("The job record " + file + " of key '" + key + "' cannot be read ("
                    + e.getMessage() + "); it was left in place: inspect it, then move it away to use the key again",
                    e);
        }
    }

    private List<JobRecord> readAll() {
        List<JobRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                f -> RECORD_NAME.matcher(f.getFileName().toString()).matches())) {
            for (Path file : files) {
                readListed(file).ifPresent(records::add);
            }
        } catch (IOException e) {
            throw new JobStoreException("Cannot list the job records in " + directory, e);
        }
        records.sort(Comparator.comparing(JobRecord::createdAt));
        return records;
    }

    private Optional<JobRecord> readListed(Path file) {
        try {
            return Optional.of(checked(file, JobRecordJson.read(Files.readAllBytes(file))));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed while listing
        } catch (IOException e) {
            report(file, e);
            return Optional.empty();
        }
    }

    /** A record is only trusted under the name its own key gives: a file copied or renamed by hand is not. */
    private JobRecord checked(Path file, JobRecord record) throws IOException {
        if (!file.getFileName().toString().equals(sha256(record.key()) + ".json")) {
            throw new IOException("it holds the record of key '" + record.key() + "', whose file would be "
                    + fileOf(record.key()).getFileName());
        }
        if (record.createdAt() == null || record.updatedAt() == null) {
            throw new IOException("its timestamps are missing");
        }
        return record;
    }

    private void report(Path file, IOException e) {
        if (reported.add(file.getFileName().toString())) {
            LOG.warn("Skipping the unreadable job record {} ({}); it is left in place for inspection", file,
                    e.getMessage());
        }
    }

    private JobRecord write(JobRecord record) throws IOException {
        writeAtomically(fileOf(record.key()), JobRecordJson.write(record));
        return record;
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path temporary = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(dir);
    }

    /** Forces the directory entry of a rename to disk, where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its renames are durable once the file itself was forced
        }
    }

    private Instant replayExpiry(Path file) throws IOException {
        try {
            return Instant.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return null;
        } catch (DateTimeParseException e) {
            return null; // torn: the id is written again
        }
    }

    private Void purgeReplayIds() throws IOException {
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(replayDirectory)) {
            for (Path file : files) {
                Instant expiry = file.getFileName().toString().startsWith(".") ? null : replayExpiry(file);
                if (expiry != null && !expiry.isAfter(now)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        return null;
    }

    /** Temporary files are only written under the lock, so one found while holding it was left by a crash. */
    private static void deleteTemporaryFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private <T> T locked(IoAction<T> action) {
        jvmLock.lock();
        try (FileLock ignored = lockChannel().lock()) {
            return action.run();
        } catch (IOException e) {
            throw new JobStoreException("The job store in " + directory + " failed: " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** The lock file's channel, opened again if an interrupted thread closed it. */
    private FileChannel lockChannel() throws IOException {
        if (lockChannel == null || !lockChannel.isOpen()) {
            lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        }
        return lockChannel;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }
}
