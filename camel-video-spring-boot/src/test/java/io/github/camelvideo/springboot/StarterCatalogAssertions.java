package io.github.camelvideo.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Holds a starter to its component's catalog: every component option has a {@code camel.component.<scheme>.*}
 * property in the starter's {@code spring-configuration-metadata.json} with the option's description and default,
 * options with a fixed set of values have value hints, secrets have no default, and the starter has no property that is not an option. A new option fails the starter's
 * test until {@code python3 docs/tools/starter_configuration.py} has added it.
 */
public final class StarterCatalogAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Properties every starter has that are not component options: they switch the auto configuration. */
    private static final Set<String> STARTER_OWN = Set.of("enabled", "customizer.enabled");

    private StarterCatalogAssertions() {
    }

    /**
     * @param catalogResource the component's catalog on the class path, e.g.
     *                        {@code META-INF/io/github/camelvideo/sora/sora.json}
     */
    public static void assertStarterMatchesCatalog(String catalogResource) throws IOException {
        JsonNode catalog = read(catalogResource);
        String prefix = "camel.component." + catalog.path("component").path("scheme").asText() + ".";
        Map<String, JsonNode> properties = starterEntries(prefix, "properties");
        Map<String, JsonNode> hints = starterEntries(prefix, "hints");
        assertThat(properties).as("starter properties under " + prefix).isNotEmpty();

        Set<String> expectedNames = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        catalog.path("componentProperties").properties().forEach(entry -> {
            String name = prefix + dashed(entry.getKey());
            expectedNames.add(name);
            check(name, entry.getValue(), properties.get(name), problems);
            checkHint(name, entry.getValue(), hints.get(name), problems);
        });
        for (String name : properties.keySet()) {
            if (!expectedNames.contains(name) && !STARTER_OWN.contains(name.substring(prefix.length()))) {
                problems.add(name + ": not an option of the component's catalog");
            }
        }
        assertThat(problems).as("starter properties that differ from the catalog " + catalogResource
                + " (run python3 docs/tools/starter_configuration.py)").isEmpty();
    }

    private static void check(String name, JsonNode option, JsonNode property, List<String> problems) {
        if (property == null) {
            problems.add(name + ": missing");
            return;
        }
        String description = property.path("description").asText();
        if (!description.equals(expectedDescription(option))) {
            problems.add(name + ": description '" + description + "' instead of '" + expectedDescription(option)
                    + "'");
        }
        String expectedDefault = expectedDefault(option);
        String actualDefault = property.has("defaultValue") ? property.get("defaultValue").asText() : null;
        if (!java.util.Objects.equals(expectedDefault, actualDefault)) {
            problems.add(name + ": default " + actualDefault + " instead of " + expectedDefault);
        }
        if (option.path("secret").asBoolean()) {
            if (!"java.lang.String".equals(property.path("type").asText()) || property.has("defaultValue")) {
                problems.add(name + ": a secret is a String property without a default");
            }
        }
    }

    /** An option with a fixed set of values offers them to the IDE as a value hint. */
    private static void checkHint(String name, JsonNode option, JsonNode hint, List<String> problems) {
        if (!option.has("enum")) {
            return;
        }
        List<String> expected = new ArrayList<>();
        option.get("enum").forEach(value -> expected.add(value.asText()));
        List<String> actual = new ArrayList<>();
        if (hint != null) {
            hint.path("values").forEach(value -> actual.add(value.path("value").asText()));
        }
        if (!expected.equals(actual)) {
            problems.add(name + ": value hints " + actual + " instead of " + expected);
        }
    }

    /** The catalog's description; object and duration options add their Java type, as Camel's starters do. */
    static String expectedDescription(JsonNode option) {
        String description = option.path("description").asText().trim();
        String type = option.path("type").asText();
        String javaType = option.path("javaType").asText();
        boolean complex = "object".equals(type) && !javaType.startsWith("java.util.") && !javaType.startsWith("java.time.");
        if (complex || "duration".equals(type)) {
            description = (description.endsWith(".") ? description : description + ".") + " The option is a "
                    + javaType + " type.";
        }
        return description;
    }

    private static String expectedDefault(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        return value == null || value.asText().isEmpty() ? null : value.asText();
    }

    static String dashed(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, JsonNode> starterEntries(String prefix, String kind) throws IOException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        ClassLoader loader = StarterCatalogAssertions.class.getClassLoader();
        for (URL url : Collections.list(loader.getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JSON.readTree(in).path(kind)) {
                    String name = property.path("name").asText();
                    if (name.startsWith(prefix)) {
                        properties.put(name, property);
                    }
                }
            }
        }
        return properties;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = StarterCatalogAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("catalog " + resource + " on the class path").isNotNull();
            return JSON.readTree(in);
        }
    }
}
