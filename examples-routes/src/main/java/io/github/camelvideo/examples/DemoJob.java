package io.github.camelvideo.examples;

/**
 * One video the demo asks for.
 *
 * @param route   the route that makes it
 * @param prompt  the prompt
 * @param seconds requested length
 * @param size    requested WIDTHxHEIGHT
 */
public record DemoJob(String route, String prompt, int seconds, String size) {
}
