package io.github.camelvideo.emulator.media;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints rendering times (not a test; run by hand):
 * {@code java -cp camel-video-emulator/target/test-classes:camel-video-emulator/target/camel-video-emulator.jar
 * io.github.camelvideo.emulator.media.RenderTiming}.
 */
public final class RenderTiming {

    private RenderTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("render-timing");
        // Warm the JIT so the figures are those of a running emulator.
        Mp4Renderer.render(dir.resolve("warmup.mp4"), 1280, 720, 8);
        int[][] cases = {{720, 1280, 4}, {1280, 720, 20}, {1792, 1024, 20}, {1920, 1080, 20}};
        for (int[] c : cases) {
            long start = System.nanoTime();
            Path file = dir.resolve("v_" + c[0] + "x" + c[1] + "_" + c[2] + ".mp4");
            Mp4Renderer.render(file, c[0], c[1], c[2]);
            System.out.printf("%dx%d %2d s (%d frames at %d fps): %5d ms, %,d bytes%n", c[0], c[1], c[2],
                    c[2] * Mp4Renderer.FPS, Mp4Renderer.FPS, (System.nanoTime() - start) / 1_000_000, Files.size(file));
        }
        FrameStore store = new FrameStore(1920, 1080);
        long start = System.nanoTime();
        Mp4Renderer.render(dir.resolve("a.mp4"), store, 20);
        long first = System.nanoTime();
        Mp4Renderer.render(dir.resolve("b.mp4"), store, 8);
        long second = System.nanoTime();
        System.out.printf("1920x1080 20 s then 8 s sharing frames: %d ms, then %d ms%n", (first - start) / 1_000_000,
                (second - first) / 1_000_000);
        try (var files = Files.list(dir)) {
            files.forEach(p -> p.toFile().delete());
        }
        Files.delete(dir);
    }
}
