package io.github.camelvideo.core.http;

/** Base URLs as configured by users, made ready for appending paths. */
public final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * The URL without trailing slashes, so {@code base + "/path"} never doubles one.
     *
     * @throws IllegalArgumentException when the URL is missing or not http(s)
     */
    public static String normalize(String url, String option) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Missing " + option);
        }
        String u = url.trim();
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("Invalid " + option + " '" + u + "': allowed an http:// or https:// URL");
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
