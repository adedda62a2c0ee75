package io.github.camelvideo.core.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Reads PNG images and compares their pixels. */
final class Images {

    private Images() {
    }

    static BufferedImage read(byte[] png) {
        return read(new ByteArrayInputStream(png));
    }

    static BufferedImage resource(String name) {
        try (InputStream in = Images.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage read(InputStream in) {
        try {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IllegalArgumentException("Not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest difference between the channels of two colours. */
    static int distance(int rgb, int otherRgb) {
        int distance = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            distance = Math.max(distance, Math.abs((rgb >> shift & 0xff) - (otherRgb >> shift & 0xff)));
        }
        return distance;
    }

    /** Peak signal-to-noise ratio of two images of the same size, in dB over all channels. */
    static double psnr(BufferedImage image, BufferedImage reference) {
        double squares = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int a = image.getRGB(x, y);
                int b = reference.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int difference = (a >> shift & 0xff) - (b >> shift & 0xff);
                    squares += difference * difference;
                }
            }
        }
        double meanSquare = squares / (3.0 * image.getWidth() * image.getHeight());
        return meanSquare == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / meanSquare);
    }
}
