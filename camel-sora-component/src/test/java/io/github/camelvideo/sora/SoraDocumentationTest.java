package io.github.camelvideo.sora;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/sora-component.md honest: every option and header of the generated catalog is documented, and the page
 * shows the route examples that {@link SoraRoutesTest} runs.
 */
class SoraDocumentationTest {

    private static final Path PAGE = Path.of("..", "docs", "sora-component.md");
    private static final String CATALOG = "META-INF/io/github/camelvideo/sora/sora.json";

    private static String page;
    private static JsonNode catalog;

    @BeforeAll
    static void read() throws IOException {
        page = Files.readString(PAGE, StandardCharsets.UTF_8);
        try (InputStream in = SoraDocumentationTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertThat(in).as("catalog %s on the classpath", CATALOG).isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void documentsEveryComponentOption() {
        assertDocumented("componentProperties");
    }

    @Test
    void documentsEveryEndpointOption() {
        assertDocumented("properties");
    }

    @Test
    void documentsEveryHeader() {
        assertDocumented("headers");
    }

    @Test
    void showsTheExamplesTheRouteTestsRun() {
        assertThat(page).contains("uri: sora:textToVideo").contains("sora:textToVideo?seconds=8&size=1280x720");
    }

    private static void assertDocumented(String section) {
        List<String> names = new ArrayList<>();
        catalog.path(section).fieldNames().forEachRemaining(names::add);
        assertThat(names).as("catalog section %s", section).isNotEmpty();
        assertThat(names).allSatisfy(name -> assertThat(page).as("docs mention %s", name).contains("`" + name + "`"));
    }
}
