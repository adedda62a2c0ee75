package io.github.camelvideo.core.media;

import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;

/**
 * How the Y'CbCr samples of a video map to RGB: the luma weights of red and blue, which depend on the colour matrix
 * (BT.601, BT.709, BT.2020), and whether the samples use the full 0-255 range or the video range 16-235.
 *
 * @param kr        luma weight of red
 * @param kb        luma weight of blue
 * @param fullRange {@code true} for 0-255 samples, {@code false} for 16-235 (16-240 for chroma)
 */
record YuvColour(double kr, double kb, boolean fullRange) {

    private static final int BT709 = 1;
    private static final int BT470BG = 5;
    private static final int SMPTE170M = 6;
    private static final int BT2020_NCL = 9;
    private static final int BT2020_CL = 10;

    /**
     * The colour signalled in the stream's VUI. When the matrix is not signalled, HD sizes are taken as BT.709 and
     * smaller ones as BT.601, as common players do.
     */
    static YuvColour of(SeqParameterSet sps, int width, int height) {
        VUIParameters vui = sps.vuiParams;
        boolean fullRange = vui != null && vui.videoSignalTypePresentFlag && vui.videoFullRangeFlag;
        int matrix = vui != null && vui.colourDescriptionPresentFlag ? vui.matrixCoefficients : 2;
        return switch (matrix) {
            case BT709 -> new YuvColour(0.2126, 0.0722, fullRange);
            case BT470BG, SMPTE170M -> new YuvColour(0.299, 0.114, fullRange);
            case BT2020_NCL, BT2020_CL -> new YuvColour(0.2627, 0.0593, fullRange);
            default -> width >= 1280 || height >= 720 ? new YuvColour(0.2126, 0.0722, fullRange)
                    : new YuvColour(0.299, 0.114, fullRange);
        };
    }

    /**
     * Converts one sample to RGB.
     *
     * @param y  luma, 0-255
     * @param cb blue difference, centred on 0 (-128 to 127)
     * @param cr red difference, centred on 0 (-128 to 127)
     * @return {@code 0xRRGGBB}
     */
    int rgb(int y, int cb, int cr) {
        double luma = fullRange ? y : (y - 16) * 255.0 / 219;
        double blue = fullRange ? cb : cb * 255.0 / 224;
        double red = fullRange ? cr : cr * 255.0 / 224;
        double r = luma + 2 * (1 - kr) * red;
        double b = luma + 2 * (1 - kb) * blue;
        double g = (luma - kr * r - kb * b) / (1 - kr - kb);
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
