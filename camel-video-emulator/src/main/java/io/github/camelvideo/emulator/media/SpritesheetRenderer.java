package io.github.camelvideo.emulator.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Renders a spritesheet: a JPEG grid of small frames sampled evenly over the video, as a
 * player would use for scrubbing previews. Only {@link BufferedImage} pixel access and
 * ImageIO are used (no fonts or graphics context), so it works on headless machines.
 */
public final class SpritesheetRenderer {

    /** Length of the longer side of each tile in pixels. */
    static final int TILE_LONG_SIDE = 160;
    /** Most tiles in one sheet; long videos are sampled more sparsely. */
    static final int MAX_TILES = 30;

    private SpritesheetRenderer() {
    }

    /**
     * Writes the spritesheet of a {@code width x height} video of {@code seconds} seconds.
     *
     * @return the number of tiles (one per second, at most {@link #MAX_TILES})
     * @throws IOException if the file cannot be written
     */
    public static int render(Path target, int width, int height, int seconds) throws IOException {
        double scale = (double) TILE_LONG_SIDE / Math.max(width, height);
        int tileW = Math.max(1, (int) Math.round(width * scale));
        int tileH = Math.max(1, (int) Math.round(height * scale));
        int tiles = Math.max(1, Math.min(seconds, MAX_TILES));
        int columns = (int) Math.ceil(Math.sqrt(tiles));
        int rows = (tiles + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * tileW, rows * tileH, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < tiles; i++) {
            double t = (double) i * seconds / tiles;
            int[] pixels = Scene.toArgb(tileW, tileH, t);
            sheet.setRGB((i % columns) * tileW, (i / columns) * tileH, tileW, tileH, pixels, 0, tileW);
        }
        if (!ImageIO.write(sheet, "jpg", target.toFile())) {
            throw new IOException("No JPEG writer available");
        }
        return tiles;
    }
}
