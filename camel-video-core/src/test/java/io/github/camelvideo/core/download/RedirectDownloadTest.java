package io.github.camelvideo.core.download;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camelvideo.core.http.HttpTransport;
import io.github.camelvideo.core.media.MediaType;
import io.github.camelvideo.core.spi.DownloadSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Redirects are followed by the download itself, and credentials stay with the origin they were given for. */
class RedirectDownloadTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final VideoDownloader downloader = new VideoDownloader(
            new HttpTransport(executor, 4, Duration.ofSeconds(2), Duration.ofSeconds(5)), 1);
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private byte[] png;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        png = out.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = server.getAddress().getPort();
        server.createContext("/", exchange -> {
            keysSeen.add(exchange.getRequestURI().getPath() + " key="
                         + exchange.getRequestHeaders().getFirst("x-goog-api-key"));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/same")) {
                exchange.getResponseHeaders().set("Location", "/blob");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/other")) {
                // the same server under another host name: another origin as far as credentials go
                exchange.getResponseHeaders().set("Location", "http://localhost:" + port + "/blob");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(png);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private DownloadedFile download(String path) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return downloader.download(new DownloadSource(uri, Map.of("x-goog-api-key", "secret-key"), true), dir,
                null, "job", false, "gemini", "op-1").toCompletableFuture().join();
    }

    @Test
    void aRedirectOnTheSameOriginKeepsTheKey() throws IOException {
        DownloadedFile file = download("/same");

        assertThat(file.mediaType()).isEqualTo(MediaType.PNG);
        assertThat(Files.readAllBytes(file.path())).isEqualTo(png);
        assertThat(keysSeen).containsExactly("/same key=secret-key", "/blob key=secret-key");
    }

    @Test
    void aRedirectToAnotherHostDropsTheKey() throws IOException {
        DownloadedFile file = download("/other");

        assertThat(Files.readAllBytes(file.path())).isEqualTo(png);
        assertThat(keysSeen).containsExactly("/other key=secret-key", "/blob key=null");
    }
}
