package io.github.camelvideo.emulator.media;

import java.util.Arrays;
import java.util.List;

import org.jcodec.common.model.Picture;

/**
 * Paints {@link Scene} boxes straight into a JCodec YUV 4:2:0 picture, avoiding any RGB
 * intermediate and colour-space transform (the expensive part of naive frame generation).
 */
final class YuvPainter {

    private YuvPainter() {
    }

    static void paint(Picture picture, List<Scene.Box> boxes) {
        byte[] y = picture.getPlaneData(0);
        byte[] u = picture.getPlaneData(1);
        byte[] v = picture.getPlaneData(2);
        int stride = picture.getPlaneWidth(0);
        int cStride = picture.getPlaneWidth(1);
        for (Scene.Box b : boxes) {
            if (b.width() == 0 || b.height() == 0) {
                continue;
            }
            int[] yuv = toYuv(b.rgb());
            // JCodec stores 8-bit samples shifted by -128 in signed bytes.
            fill(y, stride, b.x(), b.y(), b.width(), b.height(), (byte) (yuv[0] - 128));
            int cx = b.x() / 2;
            int cy = b.y() / 2;
            int cw = (b.x() + b.width() + 1) / 2 - cx;
            int ch = (b.y() + b.height() + 1) / 2 - cy;
            fill(u, cStride, cx, cy, cw, ch, (byte) (yuv[1] - 128));
            fill(v, cStride, cx, cy, cw, ch, (byte) (yuv[2] - 128));
        }
    }

    private static void fill(byte[] plane, int stride, int x, int y, int w, int h, byte value) {
        for (int row = y; row < y + h; row++) {
            Arrays.fill(plane, row * stride + x, row * stride + x + w, value);
        }
    }

    /** Full-range BT.601 (JPEG) conversion, matching JCodec's YUV420J colour space. */
    static int[] toYuv(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int yy = clamp(Math.round(0.299f * r + 0.587f * g + 0.114f * b));
        int uu = clamp(Math.round(128 - 0.168736f * r - 0.331264f * g + 0.5f * b));
        int vv = clamp(Math.round(128 + 0.5f * r - 0.418688f * g - 0.081312f * b));
        return new int[] {yy, uu, vv};
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
