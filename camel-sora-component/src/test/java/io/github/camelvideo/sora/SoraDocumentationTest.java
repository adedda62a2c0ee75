package io.github.camelvideo.sora;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelvideo.core.testing.ComponentPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/sora-component.md honest: every option and header of the generated catalog is documented, and the page
 * shows the route examples that {@link SoraRoutesTest} runs.
 */
class SoraDocumentationTest {

    private static final Path PAGE = Path.of("..", "docs", "sora-component.md");
    private static final String CATALOG = "META-INF/io/github/camelvideo/sora/sora.json";

    private static ComponentPage docs;
    private static String page;

    @BeforeAll
    static void read() throws IOException {
        docs = ComponentPage.read(PAGE, CATALOG);
        page = docs.text();
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

    @Test
    void showsTheKieExampleTheKieTestRuns() throws IOException {
        String uri = "sora:textToVideo?seconds=15&size=720x1280&removeWatermark=true";
        String test = Files.readString(Path.of("src/test/java/io/github/camelvideo/sora/SoraKieTest.java"));
        assertThat(test).contains("\"" + uri + "\"");
        assertThat(page).contains("## Provider kie").contains("`" + uri + "`").contains("Paused upstream");
    }

    @Test
    void showsTheStoryboardExamplesTheRouteTestsRun() throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/routes/sora-storyboard.yaml"));
        assertThat(yaml).contains("uri: sora:storyboard");
        assertThat(page).contains("```yaml\n" + yaml + "```");
        String java = Files.readString(Path.of("src/test/java/io/github/camelvideo/sora/SoraRoutesTest.java"));
        String route = "from(\"file:\" + output.resolve(\"storyboards\") + \"?include=.*\\\\.json&delete=true\")\n"
                       + "        .to(\"sora:storyboard?size=1280x720\")";
        assertThat(java.replace("                ", "")).contains(route);
        assertThat(page).contains(route);
    }

    @Test
    void showsTheRedeliveryExampleTheDurableJobsTestRuns() throws IOException {
        String java = Files.readString(Path.of("src/test/java/io/github/camelvideo/sora/SoraDurableJobsTest.java"));
        String route = "onException(VideoException.class).maximumRedeliveries(2).redeliveryDelay(0);\n"
                       + "from(\"direct:redelivered\").to(\"sora:textToVideo\");";
        assertThat(java.replace("                ", "")).contains(route);
        assertThat(page).contains("```java\n" + route + "\n```");
    }

    private static void assertDocumented(String section) {
        docs.assertDocumented(section);
    }
}
