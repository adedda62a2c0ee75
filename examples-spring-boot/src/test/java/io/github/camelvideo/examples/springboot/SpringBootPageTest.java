package io.github.camelvideo.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Keeps docs/spring-boot.md true to the example and to the starters' properties. */
class SpringBootPageTest {

    private static final Path PAGE = Path.of("..", "docs", "spring-boot.md");

    @Test
    void thePageShowsTheExamplesPropertiesAndRouteAsTheyAre() throws IOException {
        String page = Files.readString(PAGE);
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        String route = Files.readString(
                Path.of("src/main/java/io/github/camelvideo/examples/springboot/GenerateVideoRoute.java"));
        Matcher steps = Pattern.compile("(?s)(from\\(.*?;)").matcher(route);

        assertThat(page).contains("```properties\n" + properties + "```");
        assertThat(steps.find()).isTrue();
        assertThat(page).contains(steps.group(1).replaceAll("(?m)^        ", ""));
    }

    @Test
    void everyComponentPropertyOnThePageIsAStarterProperty() throws IOException {
        Set<String> known = starterProperties();
        Matcher mentioned = Pattern.compile("camel\\.component\\.(?:sora|veo)\\.[a-zA-Z-]+(?:\\.[a-zA-Z-]+)?")
                .matcher(Files.readString(PAGE));
        Set<String> unknown = new TreeSet<>();
        while (mentioned.find()) {
            // relaxed binding: apiKey and api-key are the same property
            if (!known.contains(uniform(mentioned.group()))) {
                unknown.add(mentioned.group());
            }
        }

        assertThat(known).contains(uniform("camel.component.sora.api-key"),
                uniform("camel.component.veo.service-account-key"));
        assertThat(unknown).as("properties on the page that the starters do not have").isEmpty();
    }

    private static String uniform(String name) {
        return name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> starterProperties() throws IOException {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (URL url : Collections.list(SpringBootPageTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                json.readTree(in).path("properties").forEach((JsonNode p) -> names.add(uniform(p.path("name").asText())));
            }
        }
        return names;
    }
}
