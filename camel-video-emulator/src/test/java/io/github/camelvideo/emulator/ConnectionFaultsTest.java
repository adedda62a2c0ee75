package io.github.camelvideo.emulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection faults as a proxy in front of a provider causes them, seen from a raw client socket. */
class ConnectionFaultsTest {

    private VideoEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = VideoEmulator.builder().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void keepAliveConnectionsServeSeveralRequests() throws IOException {
        try (Socket socket = connect()) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
        }
        assertThat(emulator.requests("GET", "/v1/videos")).hasSize(2);
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws IOException {
        emulator.faults().closeIdleConnectionsAfter(Duration.ofMillis(200));
        try (Socket socket = connect()) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
            socket.setSoTimeout(10_000);
            // blocks until the emulator closes the idle connection
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(emulator.connectionsClosedByFaults()).isEqualTo(1);
    }

    @Test
    void aFreshConnectionClosedBeforeReadIsNeverRecorded() throws IOException {
        emulator.faults().closeBeforeRead(1);
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            assertThat(readOrReset(socket.getInputStream())).isEqualTo(-1);
        }
        assertThat(emulator.requests()).isEmpty();
        try (Socket socket = connect()) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200"); // used up
        }
    }

    @Test
    void aConnectionClosedAfterAResponseReadsNoFurtherRequest() throws IOException {
        emulator.faults().closeAfterResponse(1);
        try (Socket socket = connect()) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(emulator.requests()).hasSize(1);
        assertThat(emulator.connectionsClosedByFaults()).isEqualTo(1);
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), emulator.port());
    }

    /** Sends a list request and reads one response (status line, headers, Content-Length body). */
    private static String exchange(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v1/videos HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer sk-test\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String head = readHead(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
