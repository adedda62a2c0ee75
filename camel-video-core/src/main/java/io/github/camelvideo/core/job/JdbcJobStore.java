package io.github.camelvideo.core.job;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

/**
 * A job store in a database shared by several instances of an application; PostgreSQL is the supported database
 * (its JDBC driver, {@code org.postgresql:postgresql}, is the application's dependency). The tables are created on
 * first use by the statements of {@link #DDL_RESOURCE}, which a DBA may also run beforehand.
 * <p>
 * A job is claimed with a conditional {@code UPDATE} (its lease free or expired), and batches with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, so one instance at a time works on a job and another takes over once the
 * owner's lease expired. Lease expiry is compared with this store's {@link Clock}, so instances sharing a database
 * keep their clocks synchronised (NTP); a skew of a few seconds only shifts take-overs by as much. A spending
 * reservation runs in a transaction holding a PostgreSQL advisory lock, so two instances cannot both take the last
 * dollar. Listings and claims skip rows of a later record format, which a newer release sharing the database wrote;
 * an operation on such a row's key fails. Every call blocks on JDBC while it runs.
 */
public final class JdbcJobStore implements JobStore {

    /** The class path resource holding the PostgreSQL DDL. */
    public static final String DDL_RESOURCE = "/io/github/camelvideo/core/job/camel-video-jobs-postgresql.sql";

    private static final long SCHEMA_LOCK = 0x63765f736368656dL;
    private static final long SPEND_LOCK = 0x63765f7370656e64L;
    private static final String COLUMNS = "job_key, format, version, provider, job_ref, request_digest, state, "
            + "cost_usd, output_file, headers, owner, lease_expires_at, created_at, updated_at, failure, part_of, request";
    private static final String FIND = "SELECT " + COLUMNS + " FROM camel_video_jobs WHERE job_key = ?";
    private static final String INSERT = "INSERT INTO camel_video_jobs (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_key) DO NOTHING";
    private static final String UPDATE = "UPDATE camel_video_jobs SET format = ?, version = version + 1, "
            + "provider = ?, job_ref = ?, request_digest = ?, state = ?, cost_usd = ?, output_file = ?, headers = ?, "
            + "updated_at = ?, failure = ? WHERE job_key = ? AND version = ? AND state = ANY (?) RETURNING " + COLUMNS;
    /** Rows of a later format are left to the release that wrote them (a rolling upgrade runs both). */
    private static final String READABLE = "format <= " + JobRecord.FORMAT;
    private static final String LIST = "SELECT " + COLUMNS + " FROM camel_video_jobs WHERE state = ANY (?) AND "
            + READABLE + " ORDER BY created_at, job_key";
    private static final String FREE = "(owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ?)";
    private static final String CLAIM = "UPDATE camel_video_jobs SET owner = ?, lease_expires_at = ? "
            + "WHERE job_key = ? AND (owner = ? OR " + FREE + ") RETURNING " + COLUMNS;
    private static final String CLAIM_AVAILABLE = "UPDATE camel_video_jobs SET owner = ?, lease_expires_at = ? "
            + "WHERE job_key IN (SELECT job_key FROM camel_video_jobs WHERE provider = ? AND part_of IS NULL"
            + " AND state = ANY (?) AND " + READABLE
            + " AND " + FREE + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;
    private static final String RENEW = "UPDATE camel_video_jobs SET lease_expires_at = ? "
            + "WHERE job_key = ? AND owner = ?";
    private static final String RENEW_ALL = "UPDATE camel_video_jobs SET lease_expires_at = ? "
            + "WHERE job_key = ANY (?) AND owner = ? RETURNING job_key";
    private static final String RELEASE = "UPDATE camel_video_jobs SET owner = NULL, lease_expires_at = NULL "
            + "WHERE job_key = ? AND owner = ?";
    private static final String SPEND = "SELECT COALESCE(SUM(cost_usd), 0) FROM camel_video_jobs "
            + "WHERE state = ANY (?) AND created_at >= ?";
    private static final String REMOVE = "DELETE FROM camel_video_jobs WHERE job_key = ?";
    private static final String PURGE_REPLAY_IDS = "DELETE FROM camel_video_replay_ids WHERE expires_at <= ?";
    private static final String REMEMBER = "INSERT INTO camel_video_replay_ids (replay_id, expires_at) "
            + "VALUES (?, ?) ON CONFLICT (replay_id) DO NOTHING";

    private final DataSource dataSource;
    private final Clock clock;
    private volatile boolean schemaReady;

    /** A store on {@code dataSource}. */
    public JdbcJobStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** A store on {@code dataSource} whose timestamps and lease checks read {@code clock}. */
    public JdbcJobStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The DDL this store runs on first use, as in {@link #DDL_RESOURCE}. */
    public static String ddl() {
        try (InputStream in = JdbcJobStore.class.getResourceAsStream(DDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + DDL_RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DDL_RESOURCE, e);
        }
    }

    @Override
    public Optional<JobRecord> find(String key) {
        return transaction(c -> find(c, key));
    }

    @Override
    public void remove(String key) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(REMOVE)) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Creation createIfAbsent(JobRecord record) {
        while (true) {
            Optional<Creation> done = transaction(c -> insertOrFind(c, record));
            if (done.isPresent()) {
                return done.get();
            }
        }
    }

    @Override
    public Optional<JobRecord> update(JobRecord next) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                int i = 0;
                ps.setInt(++i, JobRecord.FORMAT);
                ps.setString(++i, next.provider());
                ps.setString(++i, JobRecordJson.refText(next.ref()));
                ps.setString(++i, next.requestDigest());
                ps.setString(++i, next.state().name());
                ps.setBigDecimal(++i, next.costEstimateUsd());
                ps.setString(++i, next.outputFile() == null ? null : next.outputFile().toString());
                ps.setString(++i, JobRecordJson.headersText(next.headers()));
                ps.setObject(++i, timestamp(clock.instant()));
                ps.setString(++i, JobRecordJson.failureText(next.failure()));
                ps.setString(++i, next.key());
                ps.setLong(++i, next.version());
                ps.setArray(++i, states(c, DurableState.predecessorsOf(next.state())));
                List<JobRecord> updated = records(ps);
                if (!updated.isEmpty()) {
                    return Optional.of(updated.get(0));
                }
            }
            Optional<JobRecord> current = find(c, next.key());
            if (current.isPresent() && current.get().version() == next.version()) {
                current.get().requireForward(next.state());
            }
            return Optional.empty();
        });
    }

    @Override
    public List<JobRecord> list(Set<DurableState> states) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(LIST)) {
                ps.setArray(1, states(c, states));
                return records(ps);
            }
        });
    }

    @Override
    public Optional<JobRecord> claim(String key, String owner, Instant until) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, owner);
                ps.setObject(2, timestamp(until));
                ps.setString(3, key);
                ps.setString(4, owner);
                ps.setObject(5, timestamp(clock.instant()));
                return records(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<JobRecord> claimAvailable(String provider, Set<DurableState> states, String owner, Instant until,
                                          int limit) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(CLAIM_AVAILABLE)) {
                ps.setString(1, owner);
                ps.setObject(2, timestamp(until));
                ps.setString(3, provider);
                ps.setArray(4, states(c, states));
                ps.setObject(5, timestamp(clock.instant()));
                ps.setInt(6, limit);
                List<JobRecord> claimed = records(ps);
                claimed.sort(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::key));
                return claimed;
            }
        });
    }

    @Override
    public boolean renew(String key, String owner, Instant until) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RENEW)) {
                ps.setObject(1, timestamp(until));
                ps.setString(2, key);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** One statement per call, whatever the number of keys. */
    @Override
    public Set<String> renewAll(Collection<String> keys, String owner, Instant until) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return transaction(c -> {
            Set<String> lost = new HashSet<>(keys);
            try (PreparedStatement ps = c.prepareStatement(RENEW_ALL)) {
                ps.setObject(1, timestamp(until));
                ps.setArray(2, c.createArrayOf("varchar", keys.toArray()));
                ps.setString(3, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lost.remove(rs.getString(1));
                    }
                }
            }
            return lost;
        });
    }

    @Override
    public boolean release(String key, String owner) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
                ps.setString(1, key);
                ps.setString(2, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public BigDecimal spendSince(Instant since) {
        return transaction(c -> spendSince(c, since));
    }

    @Override
    public SpendReservation reserveSpend(JobRecord pending, BigDecimal capUsd, Instant since) {
        while (true) {
            Optional<SpendReservation> done = transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, SPEND_LOCK);
                    ps.execute();
                }
                BigDecimal spent = spendSince(c, since);
                Optional<JobRecord> existing = find(c, pending.key());
                if (existing.isPresent()) {
                    return Optional.of(new SpendReservation(SpendReservation.Outcome.EXISTS, existing.get(), spent,
                            capUsd));
                }
                if (!SpendReservation.fits(spent, pending, capUsd)) {
                    return Optional.of(new SpendReservation(SpendReservation.Outcome.EXCEEDED, null, spent, capUsd));
                }
                return insertOrFind(c, pending).map(creation -> new SpendReservation(creation.created()
                        ? SpendReservation.Outcome.RESERVED : SpendReservation.Outcome.EXISTS, creation.record(),
                        spent, capUsd));
            });
            if (done.isPresent()) {
                return done.get();
            }
        }
    }

    @Override
    public boolean rememberOnce(String id, Instant until) {
        return transaction(c -> {
            try (PreparedStatement purge = c.prepareStatement(PURGE_REPLAY_IDS)) {
                purge.setObject(1, timestamp(clock.instant()));
                purge.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(REMEMBER)) {
                ps.setString(1, id);
                ps.setObject(2, timestamp(until));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The created record, the existing one, or empty when the key was removed between the two statements. */
    private Optional<Creation> insertOrFind(Connection c, JobRecord record) throws SQLException {
        Instant now = clock.instant();
        JobRecord stored = record.stored(1, now, now);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 0;
            ps.setString(++i, stored.key());
            ps.setInt(++i, stored.format());
            ps.setLong(++i, stored.version());
            ps.setString(++i, stored.provider());
            ps.setString(++i, JobRecordJson.refText(stored.ref()));
            ps.setString(++i, stored.requestDigest());
            ps.setString(++i, stored.state().name());
            ps.setBigDecimal(++i, stored.costEstimateUsd());
            ps.setString(++i, stored.outputFile() == null ? null : stored.outputFile().toString());
            ps.setString(++i, JobRecordJson.headersText(stored.headers()));
            ps.setString(++i, stored.owner());
            ps.setObject(++i, timestamp(stored.leaseExpiresAt()));
            ps.setObject(++i, timestamp(stored.createdAt()));
            ps.setObject(++i, timestamp(stored.updatedAt()));
            ps.setString(++i, JobRecordJson.failureText(stored.failure()));
            ps.setString(++i, stored.partOf());
            ps.setString(++i, JobRecordJson.headersText(stored.request()));
            if (ps.executeUpdate() == 1) {
                return Optional.of(new Creation(stored, true));
            }
        }
        return find(c, record.key()).map(existing -> new Creation(existing, false));
    }

    private static Optional<JobRecord> find(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, key);
            return records(ps).stream().findFirst();
        }
    }

    private static BigDecimal spendSince(Connection c, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SPEND)) {
            ps.setArray(1, states(c, DurableState.SPENDING));
            ps.setObject(2, timestamp(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1).stripTrailingZeros();
            }
        }
    }

    private static List<JobRecord> records(PreparedStatement ps) throws SQLException {
        List<JobRecord> records = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                records.add(record(rs));
            }
        }
        return records;
    }

    private static JobRecord record(ResultSet rs) throws SQLException {
        String key = rs.getString("job_key");
        int format = rs.getInt("format");
        if (format > JobRecord.FORMAT) {
            throw new JobStoreException("The job record of key '" + key + "' has format " + format
                    + ", written by a later release; this one reads formats up to " + JobRecord.FORMAT);
        }
        try {
            String output = rs.getString("output_file");
            return new JobRecord(format, key, rs.getLong("version"), rs.getString("provider"),
                    JobRecordJson.refOf(rs.getString("job_ref")), rs.getString("request_digest"),
                    DurableState.valueOf(rs.getString("state")), rs.getBigDecimal("cost_usd"),
                    output == null ? null : Path.of(output), JobRecordJson.headersOf(rs.getString("headers")),
                    rs.getString("owner"), instant(rs, "lease_expires_at"), instant(rs, "created_at"),
                    instant(rs, "updated_at"), JobRecordJson.failureOf(rs.getString("failure")),
                    rs.getString("part_of"), JobRecordJson.headersOf(rs.getString("request")));
        } catch (IOException | IllegalArgumentException e) {
            throw new JobStoreException("The job record of key '" + key + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static Array states(Connection c, Set<DurableState> states) throws SQLException {
        return c.createArrayOf("varchar", states.stream().map(Enum::name).toArray());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private <T> T transaction(SqlAction<T> action) {
        ensureSchema();
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, action);
        } catch (SQLException e) {
            throw new JobStoreException("The job store's database call failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} in its own transaction, whatever the pool's auto-commit setting. */
    private static <T> T inTransaction(Connection c, SqlAction<T> action) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = action.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private void ensureSchema() {
        if (schemaReady) {
            return;
        }
        synchronized (this) {
            if (schemaReady) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                inTransaction(c, JdbcJobStore::createSchema);
            } catch (SQLException e) {
                throw new JobStoreException("Cannot create the job store's tables (" + DDL_RESOURCE + "): "
                        + e.getMessage(), e);
            }
            schemaReady = true;
        }
    }

    /** Runs the DDL under an advisory lock: concurrent {@code CREATE … IF NOT EXISTS} can collide in PostgreSQL. */
    private static Void createSchema(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            for (String sql : statements(ddl())) {
                statement.execute(sql);
            }
        }
        return null;
    }

    /** The statements of a DDL script: its {@code --} comment lines removed, split at the semicolons. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.trim());
            }
        }
        return statements;
    }

    @FunctionalInterface
    private interface SqlAction<T> {
        T run(Connection c) throws SQLException;
    }
}
