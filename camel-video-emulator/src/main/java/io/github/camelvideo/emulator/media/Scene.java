package io.github.camelvideo.emulator.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic picture shown at a given instant of a rendered video, described as a few
 * filled rectangles so that it can be rasterised cheaply into YUV (video) or RGB (images)
 * without AWT text rendering (headless machines may lack font configuration).
 *
 * <p>The frame shows a background colour that changes every second, a white bar that sweeps
 * from left to right during each second, and the elapsed whole seconds as seven-segment
 * digits, so a viewer can check duration and stitching by eye. A frame depends only on the
 * size and the time, never on the total duration: second 3 of a 4 s video is second 3 of a
 * 120 s video, so encoded frames can be shared between renderings of any length.
 */
public final class Scene {

    /** A filled rectangle in pixel coordinates with an opaque 0xRRGGBB colour. */
    public record Box(int x, int y, int width, int height, int rgb) {
    }

    private static final int[] PALETTE = {
        0x1f4e79, 0x7b2c3b, 0x2e6b30, 0x6a4c93, 0x8a5a00, 0x00607a, 0x5c5c5c, 0x3b3b8f
    };

    // Seven-segment layout: a, b, c, d, e, f, g as (x, y, w, h) in a 4x7 unit cell.
    private static final int[][] SEGMENTS = {
        {0, 0, 4, 1}, {3, 0, 1, 4}, {3, 3, 1, 4}, {0, 6, 4, 1}, {0, 3, 1, 4}, {0, 0, 1, 4}, {0, 3, 4, 1}
    };
    private static final int[] DIGIT_MASKS = {
        0b0111111, 0b0000110, 0b1011011, 0b1001111, 0b1100110, 0b1101101, 0b1111101, 0b0000111, 0b1111111, 0b1101111
    };

    private Scene() {
    }

    /**
     * Describes the frame at {@code t} seconds.
     *
     * @param width frame width in pixels
     * @param height frame height in pixels
     * @param t time of the frame in seconds, {@code t >= 0}
     * @return boxes to paint in order; the first covers the whole frame
     */
    public static List<Box> frame(int width, int height, double t) {
        List<Box> boxes = new ArrayList<>();
        int second = (int) Math.floor(t);
        boxes.add(new Box(0, 0, width, height, PALETTE[Math.floorMod(second, PALETTE.length)]));
        int barWidth = Math.max(2, width / 40);
        int barX = (int) Math.round(Math.max(0, width - barWidth) * (t - second));
        boxes.add(new Box(barX, 0, barWidth, height, 0xffffff));
        addNumber(boxes, second);
        boxes.replaceAll(b -> clip(b, width, height));
        return boxes;
    }

    private static void addNumber(List<Box> boxes, int value) {
        Box background = boxes.get(0);
        int unit = Math.max(1, Math.min(background.width(), background.height()) / 60);
        String digits = Integer.toString(value);
        int x = unit * 3;
        int y = unit * 3;
        for (int i = 0; i < digits.length(); i++) {
            int mask = DIGIT_MASKS[digits.charAt(i) - '0'];
            for (int s = 0; s < SEGMENTS.length; s++) {
                if ((mask & (1 << s)) != 0) {
                    int[] seg = SEGMENTS[s];
                    boxes.add(new Box(x + seg[0] * unit, y + seg[1] * unit, seg[2] * unit, seg[3] * unit, 0xffd700));
                }
            }
            x += unit * 6;
        }
    }

    private static Box clip(Box b, int width, int height) {
        int x = Math.min(b.x(), width);
        int y = Math.min(b.y(), height);
        return new Box(x, y, Math.max(0, Math.min(b.width(), width - x)), Math.max(0, Math.min(b.height(), height - y)),
                b.rgb());
    }

    /**
     * Rasterises the frame into packed 0xAARRGGBB pixels (alpha opaque), row by row.
     *
     * @return {@code width * height} pixels
     */
    public static int[] toArgb(int width, int height, double t) {
        int[] pixels = new int[width * height];
        for (Box b : frame(width, height, t)) {
            int argb = 0xff000000 | b.rgb();
            for (int row = b.y(); row < b.y() + b.height(); row++) {
                java.util.Arrays.fill(pixels, row * width + b.x(), row * width + b.x() + b.width(), argb);
            }
        }
        return pixels;
    }
}
