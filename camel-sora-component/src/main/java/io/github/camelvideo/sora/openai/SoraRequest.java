package io.github.camelvideo.sora.openai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.spi.VideoJobRequest;

/**
 * One create call of the OpenAI Videos API.
 *
 * @param kind          which endpoint creates the job
 * @param prompt        the prompt
 * @param model         model id (create only)
 * @param seconds       requested length (create), or seconds added (extend); {@code null} for the server default
 * @param size          WIDTHxHEIGHT (create only), or {@code null}
 * @param image         first-frame image bytes (create only), or {@code null}
 * @param imageUrl      first-frame image URL (create only), or {@code null}
 * @param sourceVideoId the video remixed or extended
 */
public record SoraRequest(Kind kind, String prompt, String model, Integer seconds, String size, ImageInput image,
                          String imageUrl, String sourceVideoId) implements VideoJobRequest {

    /** The create endpoints. */
    public enum Kind {
        CREATE,
        REMIX,
        EXTEND
    }

    @Override
    public String resolution() {
        return size;
    }

    /**
     * A digest of everything that makes this request what it is, so that the same step sent again gets the same
     * idempotency key and a different step gets another.
     */
    public String fingerprint() {
        String image = this.image == null ? "" : Integer.toHexString(Arrays.hashCode(this.image.bytes()));
        String text = String.join("|", kind.name(), prompt, String.valueOf(model), String.valueOf(seconds),
                String.valueOf(size), image, String.valueOf(imageUrl), String.valueOf(sourceVideoId));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
