package io.github.camelvideo.emulator.media;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 *
 * <p>A continued video ({@link Footage.Continued}, an extension) is its source's file joined
 * with a newly rendered clip, without re-encoding. It too is produced once per distinct
 * footage (source and added seconds), not once per job, so extensions of extensions cost one
 * join each. Uploaded MP4s are kept once per distinct content. Every file is published by an
 * atomic rename, so a reader never sees a half-written one.
 */
public final class MediaLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);

    /** Libraries not closed yet; deleted at JVM exit so a forgotten close() leaves no files. */
    private static final Set<MediaLibrary> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(MediaLibrary::deleteFiles),
                "video-emulator-media-cleanup"));
    }

    /** Where uploaded MP4s are kept across restarts (the state directory), or null to keep them with the renderings. */
    private volatile Path keptUploads;

    private final Path directory;
    private final ExecutorService renderPool;
    private final ConcurrentMap<String, CompletableFuture<Path>> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, FrameStore> frameStores = new ConcurrentHashMap<>();
    /** A file served as every video instead of a rendering, or null. */
    private final Path servedVideo;

    /**
     * Creates a library in a new temporary directory.
     *
     * @throws IOException if the directory cannot be created
     */
    public MediaLibrary() throws IOException {
        this(null);
    }

    /**
     * Creates a library in a new temporary directory that serves {@code servedVideo} as every video.
     *
     * @param servedVideo an MP4 returned by {@link #video(Footage)} for any footage (e.g. a very large file to
     *        measure downloads), or null to render each video; the file is the caller's and is not deleted
     * @throws IOException if the directory cannot be created
     */
    public MediaLibrary(Path servedVideo) throws IOException {
        this.servedVideo = servedVideo;
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

    /** Starts producing the file of {@code footage} in the background if it does not exist yet. */
    public void prefetch(Footage footage) {
        future(footage);
    }

    /**
     * An MP4 of exactly {@code seconds} seconds at {@code width x height}, rendering it if needed.
     *
     * @throws IOException if rendering failed or was interrupted
     */
    public Path video(int width, int height, int seconds) throws IOException {
        return video(Footage.fresh(width, height, seconds));
    }

    /**
     * The MP4 file of {@code footage}, producing it (and what it continues) if needed.
     *
     * @throws IOException if rendering or joining failed or was interrupted
     */
    public Path video(Footage footage) throws IOException {
        if (servedVideo != null) {
            return servedVideo;
        }
        return await(future(footage));
    }

    /**
     * Keeps an MP4 a client sent, so that it can be continued; identical bytes are kept once.
     *
     * @param mp4 the file's bytes, already checked to be an MP4 with a video track
     * @param width frame width of its video track
     * @param height frame height of its video track
     * @param seconds its duration rounded to whole seconds, where a continuation's new frames start
     * @throws IOException if the file cannot be written
     */
    public Footage upload(byte[] mp4, int width, int height, int seconds) throws IOException {
        Footage.Uploaded footage = new Footage.Uploaded(sha256(mp4), width, height, seconds);
        try {
            cache.computeIfAbsent(fileName(footage), name -> CompletableFuture.completedFuture(keptUploads == null
                    ? publish(name, target -> Files.write(target, mp4)) : keep(name, mp4)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return footage;
    }

    /**
     * Keeps uploaded MP4s in {@code directory} from now on, where {@link #close()} leaves them, and
     * serves those an earlier run kept there, so that jobs continuing an upload survive a restart.
     *
     * @throws IOException if the directory cannot be listed
     */
    public void keepUploadsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().matches("upload_[0-9a-f]+\\.mp4"))
                    .forEach(f -> cache.putIfAbsent(f.getFileName().toString(), CompletableFuture.completedFuture(f)));
        }
        this.keptUploads = directory;
    }

    private Path keep(String name, byte[] mp4) {
        Path target = keptUploads.resolve(name);
        try {
            io.github.camelvideo.emulator.state.StateDirectory.writeAtomically(target, mp4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
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

    private CompletableFuture<Path> future(Footage footage) {
        if (footage instanceof Footage.Fresh fresh) {
            return clipFuture(fresh.width(), fresh.height(), 0, fresh.seconds());
        }
        if (footage instanceof Footage.Continued continued) {
            return continuedFuture(continued);
        }
        CompletableFuture<Path> uploaded = cache.get(fileName(footage));
        return uploaded != null ? uploaded
                : CompletableFuture.failedFuture(new FileNotFoundException("No upload " + footage.key()));
    }

    /** Seconds {@code fromSecond} to {@code fromSecond + seconds} of the scene; from 0 it is a whole fresh video. */
    private CompletableFuture<Path> clipFuture(int width, int height, int fromSecond, int seconds) {
        FrameStore frames = frameStores.computeIfAbsent(width + "x" + height, k -> new FrameStore(width, height));
        String name = fromSecond == 0 ? fileName(Footage.fresh(width, height, seconds))
                : "clip_" + width + "x" + height + "_" + fromSecond + "-" + (fromSecond + seconds) + ".mp4";
        return render(name, target -> Mp4Renderer.render(target, frames, fromSecond, seconds));
    }

    /** The source's own file followed by a clip that carries on from where the source ends. */
    private CompletableFuture<Path> continuedFuture(Footage.Continued footage) {
        String name = fileName(footage);
        CompletableFuture<Path> known = cache.get(name);
        if (known != null) {
            return known; // made or being made: its parts are not needed again
        }
        Footage source = footage.source();
        // Both parts are asked for before the cache entry is made: the cache cannot be changed
        // from inside its own computeIfAbsent.
        CompletableFuture<Path> first = future(source);
        CompletableFuture<Path> second = clipFuture(source.width(), source.height(), source.seconds(),
                footage.addedSeconds());
        // The join waits for its parts without holding a render thread, which they may need.
        return cached(name, () -> first.thenCombine(second, List::of).thenApplyAsync(
                parts -> publish(name, target -> Mp4Join.join(parts.get(0), parts.get(1), target)), renderPool));
    }

    private CompletableFuture<Path> render(String name, Renderer renderer) {
        return cached(name, () -> CompletableFuture.supplyAsync(() -> publish(name, renderer), renderPool));
    }

    /** The cached future of {@code name}, started by {@code producer} if there is none. */
    private CompletableFuture<Path> cached(String name, Supplier<CompletableFuture<Path>> producer) {
        CompletableFuture<Path> future = cache.computeIfAbsent(name, key -> producer.get());
        // A failed production is not cached: the next request tries again.
        future.whenComplete((path, error) -> {
            if (error != null) {
                cache.remove(name, future);
            }
        });
        return future;
    }

    /** Writes the file {@code name} and publishes it complete, so a reader never sees a half-written one. */
    private Path publish(String name, Renderer renderer) {
        long start = System.nanoTime();
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".part");
        try {
            renderer.render(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.debug("Produced {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        return target;
    }

    private static String fileName(Footage footage) {
        return footage.key() + ".mp4";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
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
