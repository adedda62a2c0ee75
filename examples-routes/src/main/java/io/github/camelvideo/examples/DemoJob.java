package io.github.camelvideo.examples;

/**
 * One video the demo asks for.
 *
 * @param route   the route that makes it
 * @param prompt  the prompt
 * @param seconds requested length
 * @param size    requested (sora:) or expected (veo:) WIDTHxHEIGHT
 */
public record DemoJob(String route, String prompt, int seconds, String size) {

    public int width() {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    public int height() {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }

    /** The aspect ratio Veo is asked for: 16:9 for landscape sizes, 9:16 for portrait ones. */
    public String aspectRatio() {
        return width() > height() ? "16:9" : "9:16";
    }
}
