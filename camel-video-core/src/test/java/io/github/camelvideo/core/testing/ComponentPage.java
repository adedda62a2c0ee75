package io.github.camelvideo.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A component's documentation page and its generated catalog, for tests that keep the two in step. */
public final class ComponentPage {

    private final String page;
    private final JsonNode catalog;

    private ComponentPage(String page, JsonNode catalog) {
        this.page = page;
        this.catalog = catalog;
    }

    /**
     * @param page    the Markdown page
     * @param catalog the catalog's classpath resource, such as {@code META-INF/io/github/camelvideo/sora/sora.json}
     */
    public static ComponentPage read(Path page, String catalog) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        try (InputStream in = ComponentPage.class.getClassLoader().getResourceAsStream(catalog)) {
            assertThat(in).as("catalog %s on the classpath", catalog).isNotNull();
            return new ComponentPage(text, new ObjectMapper().readTree(in));
        }
    }

    public String text() {
        return page;
    }

    public JsonNode catalog() {
        return catalog;
    }

    /** Asserts that every name of a catalog section appears on the page as {@code `name`}. */
    public void assertDocumented(String section) {
        List<String> names = new ArrayList<>();
        catalog.path(section).fieldNames().forEachRemaining(names::add);
        assertThat(names).as("catalog section %s", section).isNotEmpty();
        assertThat(names).allSatisfy(name -> assertThat(page).as("docs mention %s", name).contains("`" + name + "`"));
    }
}
