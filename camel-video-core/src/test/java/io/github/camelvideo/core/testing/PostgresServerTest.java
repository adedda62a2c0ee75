package io.github.camelvideo.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.sun.security.auth.module.UnixSystem;

class PostgresServerTest {

    @Test
    void runsARealServerAsAnUnprivilegedUserAndStopsIt() throws Exception {
        Path dataDirectory;
        DataSource source;
        try (PostgresServer server = PostgresServer.start()) {
            source = server.dataSource("postgres");
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                assertThat(value(s, "SHOW server_version")).startsWith("14.");
                dataDirectory = Path.of(value(s, "SHOW data_directory"));
                Object owner = Files.getAttribute(dataDirectory, "unix:uid");
                if (new UnixSystem().getUid() == 0) {
                    assertThat(owner).isNotEqualTo(0);
                }
                String database = server.createDatabase();
                try (Connection other = server.dataSource(database).getConnection()) {
                    assertThat(other.isValid(5)).isTrue();
                }
            }
        }

        assertThat(dataDirectory).doesNotExist();
        assertThatThrownBy(() -> source.getConnection().close()).isInstanceOf(SQLException.class);
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
