package io.github.camelvideo.veo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.testing.ComponentPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/veo-component.md honest: every option and header of the generated catalog is documented, the generated
 * tables have the catalog's sizes, and the page shows the route examples that {@link VeoRoutesTest} runs, as written.
 */
class VeoDocumentationTest {

    private static final Path PAGE = Path.of("..", "docs", "veo-component.md");
    private static final String CATALOG = "META-INF/io/github/camelvideo/veo/veo.json";
    private static final Path ROUTES_TEST = Path.of("src", "test", "java", "io", "github", "camelvideo", "veo",
            "VeoRoutesTest.java");
    private static final Path YAML_ROUTE = Path.of("src", "test", "resources", "routes", "veo-text-to-video.yaml");

    private static ComponentPage docs;
    private static String page;
    private static JsonNode catalog;

    @BeforeAll
    static void read() throws IOException {
        docs = ComponentPage.read(PAGE, CATALOG);
        page = docs.text();
        catalog = docs.catalog();
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
    void generatedTablesHaveTheCatalogsSizes() {
        assertThat(page)
                .contains("The component supports " + catalog.path("componentProperties").size() + " options")
                .contains("The endpoint supports " + catalog.path("properties").size() + " options")
                .contains("The component supports " + catalog.path("headers").size() + " message headers");
    }

    @Test
    void showsTheJavaExampleTheRouteTestRuns() throws IOException {
        String example = between(Files.readString(ROUTES_TEST, StandardCharsets.UTF_8),
                "// documentation example: Java DSL", "// end of documentation example");
        assertThat(example).contains("veo:textToVideo?durationSeconds=8&aspectRatio=16:9");
        assertThat(page).contains("```java\n" + example + "```");
    }

    @Test
    void showsTheYamlExampleTheRouteTestRuns() throws IOException {
        String yaml = Files.readString(YAML_ROUTE, StandardCharsets.UTF_8);
        assertThat(yaml).contains("uri: veo:textToVideo");
        assertThat(page).contains("```yaml\n" + yaml + "```");
    }

    @Test
    void showsTheStoryboardYamlTheRouteTestRuns() throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/routes/veo-storyboard.yaml"));
        assertThat(yaml).contains("uri: veo:storyboard");
        assertThat(page).contains("```yaml\n" + yaml + "```");
    }

    @Test
    void showsTheKieExampleTheKieTestRuns() throws IOException {
        String example = between(Files.readString(Path.of("src/test/java/io/github/camelvideo/veo/VeoKieTest.java"),
                StandardCharsets.UTF_8), "// documentation example: kie", "// end of kie example");
        assertThat(example).contains("veo:textToVideo?provider=kie");
        assertThat(page).contains("```java\n" + example + "```");
    }

    @Test
    void showsTheExtendExampleTheRouteTestRuns() throws IOException {
        String example = between(Files.readString(ROUTES_TEST, StandardCharsets.UTF_8),
                "// documentation example: extend", "// end of extend example");
        assertThat(page).contains("```java\n" + example + "```");
    }

    /** The lines between two marker comments, without their common indentation. */
    private static String between(String source, String startMarker, String endMarker) {
        int start = source.indexOf(startMarker);
        int end = source.indexOf(endMarker);
        assertThat(start).as("marker '%s'", startMarker).isNotNegative();
        assertThat(end).as("marker '%s'", endMarker).isGreaterThan(start);
        String block = source.substring(source.indexOf('\n', start) + 1, source.lastIndexOf('\n', end) + 1);
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static void assertDocumented(String section) {
        docs.assertDocumented(section);
    }
}
