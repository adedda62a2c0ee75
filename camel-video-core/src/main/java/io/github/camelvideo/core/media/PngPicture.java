package io.github.camelvideo.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * Converts a decoded 8-bit 4:2:0 picture to a PNG image of its visible area. The decoder works on whole 16x16
 * macroblocks; the crop rectangle from the SPS says which part of them is the picture (720 of 736 lines, say).
 */
final class PngPicture {

    private PngPicture() {
    }

    /** The visible area of the picture as PNG bytes. */
    static byte[] encode(Picture picture, YuvColour colour) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(toImage(picture, colour), "png", png)) {
            throw new IOException("No PNG writer available");
        }
        return png.toByteArray();
    }

    static BufferedImage toImage(Picture picture, YuvColour colour) {
        Rect crop = picture.getCrop() != null ? picture.getCrop()
                : new Rect(0, 0, picture.getWidth(), picture.getHeight());
        BufferedImage image = new BufferedImage(crop.getWidth(), crop.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] luma = picture.getPlaneData(0);
        byte[] cb = picture.getPlaneData(1);
        byte[] cr = picture.getPlaneData(2);
        int lumaStride = picture.getPlaneWidth(0);
        int chromaStride = picture.getPlaneWidth(1);
        for (int row = 0; row < crop.getHeight(); row++) {
            int y = crop.getY() + row;
            for (int column = 0; column < crop.getWidth(); column++) {
                int x = crop.getX() + column;
                int chroma = (y >> 1) * chromaStride + (x >> 1);
                // JCodec keeps 8-bit samples minus 128 in signed bytes
                pixels[row * crop.getWidth() + column] = colour.rgb(luma[y * lumaStride + x] + 128, cb[chroma], cr[chroma]);
            }
        }
        return image;
    }
}
