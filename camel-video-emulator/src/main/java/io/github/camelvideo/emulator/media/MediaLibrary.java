package io.github.camelvideo.emulator.media;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders and caches the media files the emulator serves: MP4 videos, WebP thumbnails and
 * JPEG spritesheets.
 *
 * <p>Every distinct rendering (e.g. 1280x720, 8 s) is produced once, on a small render pool,
 * and kept in a private temporary directory until {@link #close()}. Concurrent requests for
 * the same rendering share one render. Many jobs share few keys (sizes x durations), and
 * encoded frames are shared between durations of one size, so the rendering cost is bounded
 * by the number of sizes, however many jobs there are.
 */
public final class MediaLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);

    /** Libraries not closed yet; deleted at JVM exit so a forgotten close() leaves no files. */
    private static final Set<MediaLibrary> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(MediaLibrary::deleteFiles),
                "video-emulator-media-cleanup"));
    }

    private final Path directory;
    private final ExecutorService renderPool;
    private final ConcurrentMap<String, CompletableFuture<Path>> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FrameStore> frameStores = new ConcurrentHashMap<>();

    /**
     * Creates a library in a new temporary directory.
     *
     * @throws IOException if the directory cannot be created
     */
    public MediaLibrary() throws IOException {
        this.directory = Files.createTempDirectory("camel-video-emulator-");
        AtomicInteger counter = new AtomicInteger();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
        this.renderPool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "video-emulator-render-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        OPEN.add(this);
    }

    /** The directory holding the rendered files. */
    public Path directory() {
        return directory;
    }

    /** Starts rendering a video in the background if it is not rendered yet. */
    public void prefetch(int width, int height, int seconds) {
        videoFuture(width, height, seconds);
    }

    /**
     * An MP4 of exactly {@code seconds} seconds at {@code width x height}, rendering it if needed.
     *
     * @throws IOException if rendering failed or was interrupted
     */
    public Path video(int width, int height, int seconds) throws IOException {
        return await(videoFuture(width, height, seconds));
    }

    /**
     * An MP4 that continues a {@code sourceSeconds} video by {@code addedSeconds}: the stitched
     * result, one continuous rendering of the total duration.
     *
     * @throws IOException if rendering failed or was interrupted
     */
    public Path extendedVideo(int width, int height, int sourceSeconds, int addedSeconds) throws IOException {
        return video(width, height, sourceSeconds + addedSeconds);
    }

    /**
     * A lossless WebP thumbnail (the first frame at a quarter of the video size).
     *
     * @throws IOException if rendering failed or was interrupted
     */
    public Path thumbnail(int width, int height) throws IOException {
        int w = Math.max(1, width / 4);
        int h = Math.max(1, height / 4);
        return await(render("thumb_" + width + "x" + height + ".webp",
                target -> Files.write(target, WebpEncoder.encode(w, h, Scene.toArgb(w, h, 0)))));
    }

    /**
     * A JPEG spritesheet of the video (see {@link SpritesheetRenderer}).
     *
     * @throws IOException if rendering failed or was interrupted
     */
    public Path spritesheet(int width, int height, int seconds) throws IOException {
        return await(render("sprites_" + width + "x" + height + "_" + seconds + ".jpg",
                target -> SpritesheetRenderer.render(target, width, height, seconds)));
    }

    private CompletableFuture<Path> videoFuture(int width, int height, int seconds) {
        FrameStore frames = frameStores.computeIfAbsent(width + "x" + height, k -> new FrameStore(width, height));
        return render("video_" + width + "x" + height + "_" + seconds + ".mp4",
                target -> Mp4Renderer.render(target, frames, seconds));
    }

    private CompletableFuture<Path> render(String name, Renderer renderer) {
        CompletableFuture<Path> future = cache.computeIfAbsent(name, key -> CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Path target = directory.resolve(key);
            Path partial = directory.resolve(key + ".part");
            try {
                renderer.render(partial);
                // Publish complete files only, so a reader never sees a half-written one.
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LOG.debug("Rendered {} in {} ms", key, (System.nanoTime() - start) / 1_000_000);
            return target;
        }, renderPool));
        // A failed render is not cached: the next request tries again.
        future.whenComplete((path, error) -> {
            if (error != null) {
                cache.remove(name, future);
            }
        });
        return future;
    }

    private static Path await(CompletableFuture<Path> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a rendering");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException("Rendering failed", cause);
        }
    }

    /** Stops rendering and deletes every rendered file. */
    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return; // already closed
        }
        renderPool.shutdownNow();
        try {
            if (!renderPool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Render threads still running; deleting {} anyway", directory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteFiles();
    }

    private void deleteFiles() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Another cleanup (close and the exit hook can race at JVM exit) got there first.
            LOG.debug("Cannot delete {}: {}", directory, e.toString());
        }
    }

    @FunctionalInterface
    private interface Renderer {
        void render(Path target) throws IOException;
    }
}
