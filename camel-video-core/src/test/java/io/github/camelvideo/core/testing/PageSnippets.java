package io.github.camelvideo.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a page's code blocks and the files a test runs identical: a route file (YAML, XML) is shown whole, a Java
 * route is the part of a test's source between the comments {@code // page: NAME} and {@code // end of page: NAME},
 * shown without the source's indentation.
 */
public final class PageSnippets {

    private final String page;

    private PageSnippets(String page) {
        this.page = page;
    }

    public static PageSnippets of(Path page) throws IOException {
        return new PageSnippets(Files.readString(page, StandardCharsets.UTF_8));
    }

    /** Asserts that the page shows the file as a block of the given language, whole. */
    public void assertShowsFile(String language, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(page).as("%s shown on the page as a %s block", file, language)
                .contains("```" + language + "\n" + text + "```");
    }

    /** Asserts that the page shows the named part of a Java source as a {@code java} block. */
    public void assertShowsJava(Path source, String name) throws IOException {
        assertThat(page).as("the Java route '%s' of %s shown on the page", name, source)
                .contains("```java\n" + javaSnippet(source, name) + "```");
    }

    /** The lines between {@code // page: NAME} and {@code // end of page: NAME}, dedented by the first's indent. */
    public static String javaSnippet(Path source, String name) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = indexOf(lines, "// page: " + name, source);
        int end = indexOf(lines, "// end of page: " + name, source);
        String first = lines.get(start + 1);
        int indent = first.length() - first.stripLeading().length();
        StringBuilder snippet = new StringBuilder();
        for (String line : lines.subList(start + 1, end)) {
            snippet.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
        }
        return snippet.toString();
    }

    private static int indexOf(List<String> lines, String marker, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + marker + "' in " + source);
    }
}
