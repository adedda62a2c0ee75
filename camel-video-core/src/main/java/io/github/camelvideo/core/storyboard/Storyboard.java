package io.github.camelvideo.core.storyboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelvideo.core.media.ImageInput;
import io.github.camelvideo.core.support.Fingerprint;

/**
 * An ordered list of scenes that becomes one continuous video, with an optional first-frame image and an optional
 * style text appended to every scene's prompt.
 *
 * <pre>{@code
 * Storyboard board = Storyboard.builder()
 *         .style("Warm 35mm film, soft morning light")
 *         .scene("A lighthouse keeper climbs the spiral stairs", 4)
 *         .scene("He opens the door to the lamp room", 4)
 *         .scene("The lamp turns as the sun rises over the sea", 4)
 *         .build();
 * }</pre>
 */
public final class Storyboard {

    private final List<StoryboardScene> scenes;
    private final String style;
    private final ImageInput firstFrame;

    /**
     * @param scenes     the scenes in order
     * @param style      text appended to every scene's prompt, or {@code null}
     * @param firstFrame the first frame of the first scene, or {@code null}
     */
    public Storyboard(List<StoryboardScene> scenes, String style, ImageInput firstFrame) {
        this.scenes = List.copyOf(Objects.requireNonNull(scenes, "scenes"));
        this.style = style == null || style.isBlank() ? null : style.strip();
        this.firstFrame = firstFrame;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<StoryboardScene> scenes() {
        return scenes;
    }

    /** The style text, or {@code null}. */
    public String style() {
        return style;
    }

    /** The first frame of the first scene, or {@code null}. */
    public ImageInput firstFrame() {
        return firstFrame;
    }

    /** The prompt sent for a scene (numbered from 1): its own text, then the style after a blank line. */
    public String promptOf(int sceneNumber) {
        String prompt = scenes.get(sceneNumber - 1).prompt().strip();
        return style == null ? prompt : prompt + "\n\n" + style;
    }

    /** A digest of everything that makes this storyboard what it is, for its default idempotency key. */
    public String fingerprint() {
        return Fingerprint.of(scenes.stream().map(s -> Fingerprint.of(s.prompt(), s.seconds())).toList(), style,
                firstFrame == null ? null : firstFrame.bytes());
    }

    @Override
    public String toString() {
        // prompts are the user's data: only the shape is described
        return "Storyboard[" + scenes.size() + " scenes, style=" + (style != null) + ", firstFrame="
               + (firstFrame != null) + "]";
    }

    /** Builds a storyboard scene by scene. */
    public static final class Builder {

        private final List<StoryboardScene> scenes = new ArrayList<>();
        private String style;
        private ImageInput firstFrame;

        private Builder() {
        }

        /** Adds a scene of the given length. */
        public Builder scene(String prompt, int seconds) {
            scenes.add(StoryboardScene.of(prompt, seconds));
            return this;
        }

        /** Adds a scene of the provider's default length. */
        public Builder scene(String prompt) {
            scenes.add(StoryboardScene.of(prompt));
            return this;
        }

        /** Text appended to every scene's prompt, such as a visual style or a character description. */
        public Builder style(String style) {
            this.style = style;
            return this;
        }

        /** The first frame of the first scene (JPEG, PNG or WebP). */
        public Builder firstFrame(byte[] image) {
            this.firstFrame = ImageInput.of(image, "firstFrame");
            return this;
        }

        /** The first frame of the first scene, read from a file (JPEG, PNG or WebP). */
        public Builder firstFrame(Path image) {
            try {
                return firstFrame(Files.readAllBytes(image));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the first frame " + image, e);
            }
        }

        public Storyboard build() {
            return new Storyboard(scenes, style, firstFrame);
        }
    }
}
