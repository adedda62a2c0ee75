package io.github.camelvideo.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.testing.PostgresServer;
import io.github.camelvideo.core.testing.WarmDataSource;

/** The contract against a real PostgreSQL server, each test in a database of its own. */
class JdbcJobStoreTest extends JobStoreContractTest {

    private final List<WarmDataSource> pools = new ArrayList<>();
    private String database;

    @Override
    protected JobStore newStore() {
        database = PostgresServer.shared().createDatabase();
        return new JdbcJobStore(pool(), clock);
    }

    /** Another pool of connections, as a second instance of the application has. */
    @Override
    protected JobStore anotherInstance() {
        return new JdbcJobStore(pool(), clock);
    }

    @AfterEach
    void closePools() throws SQLException {
        for (WarmDataSource pool : pools) {
            pool.close();
        }
    }

    private DataSource pool() {
        try {
            WarmDataSource pool = new WarmDataSource(PostgresServer.shared().dataSource(database), 10);
            pools.add(pool);
            return pool;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void createsItsTablesOnFirstUseAndStoresTheFormat() throws Exception {
        store.createIfAbsent(pending("order-1", "1"));
        anotherInstance().createIfAbsent(pending("order-2", "1"));

        DataSource source = PostgresServer.shared().dataSource(database);
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT job_key, format, state FROM camel_video_jobs ORDER BY job_key")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("job_key")).isEqualTo("order-1");
            assertThat(rs.getInt("format")).isEqualTo(JobRecord.FORMAT);
            assertThat(rs.getString("state")).isEqualTo("PENDING");
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void rowsOfALaterFormatAreLeftToTheReleaseThatWroteThem() throws Exception {
        store.createIfAbsent(pending("order-1", "1"));
        try (Connection c = PostgresServer.shared().dataSource(database).getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE camel_video_jobs SET format = 99 WHERE job_key = 'order-1'");
        }
        store.createIfAbsent(pending("order-2", "1"));

        assertThat(store.list(DurableState.PENDING)).extracting(JobRecord::key).containsExactly("order-2");
        assertThat(store.claimAvailable("openai", Set.of(DurableState.PENDING), "instance-a", START.plusSeconds(60), 10))
                .extracting(JobRecord::key).containsExactly("order-2");
        assertThatThrownBy(() -> store.find("order-1")).isInstanceOf(JobStoreException.class)
                .hasMessageContaining("format 99");
    }

    @Test
    void theDdlSplitsIntoItsStatements() {
        assertThat(JdbcJobStore.statements(JdbcJobStore.ddl()))
                .hasSize(5)
                .allSatisfy(sql -> assertThat(sql).startsWith("CREATE").doesNotContain("--"));
    }
}
