package io.github.camelvideo.kling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.testing.ComponentPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/kling-component.md honest: every option and header of the generated catalog is documented, the page
 * shows the route examples that {@link KlingRoutesTest} runs, and its endpoint table names the mapped endpoints.
 */
class KlingDocumentationTest {

    private static final Path PAGE = Path.of("..", "docs", "kling-component.md");
    private static final String CATALOG = "META-INF/io/github/camelvideo/kling/kling.json";

    private static ComponentPage docs;
    private static String page;

    @BeforeAll
    static void read() throws IOException {
        docs = ComponentPage.read(PAGE, CATALOG);
        page = docs.text();
    }

    @Test
    void documentsEveryComponentOption() {
        docs.assertDocumented("componentProperties");
    }

    @Test
    void documentsEveryEndpointOption() {
        docs.assertDocumented("properties");
    }

    @Test
    void documentsEveryHeader() {
        docs.assertDocumented("headers");
    }

    @Test
    void showsTheJavaExampleTheRouteTestRuns() throws IOException {
        String java = Files.readString(Path.of("src/test/java/io/github/camelvideo/kling/KlingRoutesTest.java"));
        String example = """
                onException(VideoContentPolicyException.class)
                        .handled(true)
                        .log("Refused by fal's content checker: ${exception.message} (task ${header.CamelKlingRequestId})")
                        .to("mock:refused");

                from("direct:generate")
                        .to("kling:textToVideo?duration=5&aspectRatio=9:16")
                        .to("file:" + output.resolve("published") + "?fileName=${header.CamelKlingRequestId}.mp4")
                        .to("mock:done");
                """;
        assertThat(java.replace("                ", "")).contains(example);
        assertThat(page).contains("```java\n" + example + "```");
    }

    @Test
    void showsTheYamlExampleTheRouteTestRuns() throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/routes/kling-text-to-video.yaml"));
        assertThat(page).contains("```yaml\n" + yaml + "```");
    }

    @Test
    void namesEveryMappedModelInTheEndpointTable() throws IOException {
        Properties mapping = new Properties();
        try (var in = getClass().getResourceAsStream("/io/github/camelvideo/kling/fal/kling-fal-endpoints.properties")) {
            mapping.load(in);
        }
        mapping.stringPropertyNames().stream().filter(k -> !k.startsWith("imageFields|"))
                .map(k -> k.substring(0, k.indexOf('|')))
                .forEach(model -> assertThat(page).contains("`" + model + "`"));
    }
}
