package io.github.camelvideo.core.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.error.VideoRequestInvalidException;
import io.github.camelvideo.emulator.media.WebpEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An input image is read through to its end: a whole image gives its size, a cut or damaged one is refused. */
class ImageInputTest {

    @Test
    void wholeImagesGiveTheirFormatAndSize() throws IOException {
        ImageInput png = ImageInput.of(encode(picture(320, 180), "png"), "image");
        assertThat(png.type()).isEqualTo(MediaType.PNG);
        assertThat(png.size()).isEqualTo("320x180");

        ImageInput jpeg = ImageInput.of(encode(picture(64, 48), "jpg"), "image");
        assertThat(jpeg.type()).isEqualTo(MediaType.JPEG);
        assertThat(jpeg.size()).isEqualTo("64x48");

        ImageInput webp = ImageInput.of(webp(40, 30), "image");
        assertThat(webp.type()).isEqualTo(MediaType.WEBP);
        assertThat(webp.size()).isEqualTo("40x30");
    }

    @Test
    void aTruncatedPngIsRefused() throws IOException {
        byte[] png = encode(picture(320, 180), "png");
        assertRefused(cut(png, png.length / 2), "PNG", "chunk IDAT", "a truncated file?");
        assertRefused(cut(png, png.length - 12), "PNG", "before the IEND chunk");
        assertRefused(cut(png, png.length - 1), "PNG", "chunk IEND");
        assertRefused(cut(png, 20), "PNG", "chunk IHDR");
    }

    @Test
    void aDamagedPngIsRefusedByItsChecksum() throws IOException {
        byte[] png = encode(picture(320, 180), "png");
        png[png.length / 2] ^= 0x40;
        assertRefused(png, "PNG", "fails its CRC check");
    }

    @Test
    void aTruncatedJpegIsRefused() throws IOException {
        byte[] jpeg = encode(picture(64, 48), "jpg");
        assertRefused(cut(jpeg, jpeg.length - 2), "JPEG", "before the EOI marker");
        assertRefused(cut(jpeg, jpeg.length / 2), "JPEG", "a truncated file?");
        assertRefused(cut(jpeg, 30), "JPEG", "is cut short");
    }

    @Test
    void aTruncatedWebpIsRefusedByItsRiffSize() {
        byte[] webp = webp(40, 30);
        assertRefused(cut(webp, webp.length - 1), "WEBP", "declares " + webp.length + " bytes, but there are "
                                                          + (webp.length - 1));
        assertRefused(cut(webp, 16), "WEBP", "a truncated file?");
    }

    @Test
    void aWebpWithoutImageDataIsRefused() {
        byte[] header = { 'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P' };
        assertRefused(header, "WEBP", "no image data");
    }

    @Test
    void theMessageNamesTheFieldAndTheSize() throws IOException {
        byte[] png = cut(encode(picture(320, 180), "png"), 100);
        assertThatThrownBy(() -> ImageInput.of(png, "referenceImages[2]"))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageStartingWith("Invalid referenceImages[2]: 100 bytes that are not a whole PNG image")
                .hasMessageContaining("Allowed: a whole image/jpeg, image/png or image/webp file")
                .extracting("field").isEqualTo("referenceImages[2]");
    }

    private static void assertRefused(byte[] bytes, String format, String... fragments) {
        assertThatThrownBy(() -> ImageInput.of(bytes, "image"))
                .isInstanceOf(VideoRequestInvalidException.class)
                .hasMessageContaining("not a whole " + format + " image")
                .satisfies(e -> {
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                })
                .extracting("field").isEqualTo("image");
    }

    private static byte[] cut(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    /** A picture with enough detail that its compressed data spans several chunks and scan bytes. */
    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int x = 0; x < width; x += 7) {
            g.drawLine(x, 0, width - x, height);
        }
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] webp(int width, int height) {
        BufferedImage image = picture(width, height);
        return WebpEncoder.encode(width, height, image.getRGB(0, 0, width, height, null, 0, width));
    }
}
