package io.github.camelvideo.kamelets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kamelet file follows the rules of the Apache Camel Kamelet catalog: its name, the type label, the support
 * level, provider and icon annotations, a titled and described property schema, credentials as passwords in the
 * credentials group with no default value and passed as {@code RAW(...)}, the dependencies with this project's
 * Maven coordinates, and a template that starts from {@code kamelet:source} by removing the component's headers.
 */
class KameletCatalogRulesTest {

    static final Path KAMELETS = Path.of("src/main/resources/kamelets");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TYPES = Set.of("source", "sink", "action");
    private static final Set<String> SUPPORT_LEVELS = Set.of("Stable", "Preview", "Experimental");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|password).*");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    static List<Path> kamelets() throws IOException {
        try (Stream<Path> files = Files.list(KAMELETS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    @Test
    void theModuleShipsTheKamelets() throws IOException {
        assertThat(kamelets()).extracting(f -> f.getFileName().toString()).containsExactly(
                "kling-text-to-video-action.kamelet.yaml",
                "sora-text-to-video-action.kamelet.yaml",
                "veo-text-to-video-action.kamelet.yaml",
                "video-storyboard-action.kamelet.yaml");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void isAKameletNamedAsItsFile(Path file) throws IOException {
        JsonNode kamelet = read(file);
        assertThat(kamelet.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
        String name = kamelet.path("metadata").path("name").asText();
        assertThat(file.getFileName().toString()).isEqualTo(name + ".kamelet.yaml");
        assertThat(name).matches("[a-z0-9-]+-(source|sink|action)");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void hasTheRequiredLabelsAndAnnotations(Path file) throws IOException {
        JsonNode metadata = read(file).path("metadata");
        String type = metadata.path("labels").path("camel.apache.org/kamelet.type").asText();
        assertThat(type).isIn(TYPES);
        assertThat(metadata.path("name").asText()).endsWith("-" + type);
        JsonNode annotations = metadata.path("annotations");
        assertThat(annotations.path("camel.apache.org/kamelet.support.level").asText()).isIn(SUPPORT_LEVELS);
        assertThat(annotations.path("camel.apache.org/provider").asText()).isNotBlank();
        assertThat(annotations.path("camel.apache.org/catalog.version").asText()).isEqualTo(VERSION);
        String icon = annotations.path("camel.apache.org/kamelet.icon").asText();
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("</svg>");
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void describesEveryPropertyAndRequiresOnlyDefinedOnes(Path file) throws IOException {
        JsonNode definition = read(file).path("spec").path("definition");
        assertThat(definition.path("title").asText()).isNotBlank();
        assertThat(definition.path("description").asText()).isNotBlank();
        assertThat(definition.path("type").asText()).isEqualTo("object");
        JsonNode properties = definition.path("properties");
        assertThat(properties.size()).isPositive();
        properties.fields().forEachRemaining(p -> {
            assertThat(p.getValue().path("title").asText()).as(p.getKey()).isNotBlank();
            assertThat(p.getValue().path("description").asText()).as(p.getKey()).isNotBlank();
            assertThat(p.getValue().path("type").asText()).as(p.getKey()).isIn("string", "integer", "boolean", "number");
        });
        definition.path("required").forEach(r -> assertThat(properties.has(r.asText())).as(r.asText()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void credentialsArePasswordsWithoutDefaultsPassedRaw(Path file) throws IOException {
        JsonNode kamelet = read(file);
        String template = kamelet.path("spec").path("template").toString();
        List<String> secrets = new ArrayList<>();
        kamelet.path("spec").path("definition").path("properties").fields().forEachRemaining(p -> {
            if (SECRET_NAME.matcher(p.getKey()).matches()) {
                secrets.add(p.getKey());
                JsonNode schema = p.getValue();
                assertThat(schema.path("format").asText()).as(p.getKey()).isEqualTo("password");
                assertThat(schema.path("x-descriptors").toString()).as(p.getKey())
                        .contains("urn:camel:group:credentials");
                assertThat(schema.has("default")).as("%s has a default value", p.getKey()).isFalse();
                assertThat(schema.has("example")).as("%s has an example value", p.getKey()).isFalse();
                assertThat(template).as(p.getKey()).contains("RAW({{?" + p.getKey() + "}})");
            } else {
                assertThat(p.getValue().path("format").asText()).as(p.getKey()).isNotEqualTo("password");
            }
        });
        assertThat(secrets).as("credentials of %s", file).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void listsTheDependenciesWithThisProjectsCoordinates(Path file) throws IOException {
        JsonNode kamelet = read(file);
        List<String> dependencies = new ArrayList<>();
        kamelet.path("spec").path("dependencies").forEach(d -> dependencies.add(d.asText()));
        assertThat(dependencies).contains("camel:kamelet");
        String template = kamelet.path("spec").path("template").toString();
        for (String component : List.of("sora", "veo")) {
            boolean used = template.contains("\"" + component + ":") || kamelet.path("spec").path("definition")
                    .path("properties").path("component").path("enum").toString().contains("\"" + component + "\"");
            String coordinates = "mvn:io.github.camelvideo:camel-" + component + ":" + VERSION;
            assertThat(dependencies.contains(coordinates)).as("%s lists %s", file, coordinates).isEqualTo(used);
        }
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void theTemplateStripsTheComponentsHeadersFirst(Path file) throws IOException {
        JsonNode from = read(file).path("spec").path("template").path("from");
        assertThat(from.path("uri").asText()).isEqualTo("kamelet:source");
        List<String> removed = new ArrayList<>();
        for (JsonNode step : from.path("steps")) {
            if (!step.has("removeHeaders")) {
                break;
            }
            removed.add(step.path("removeHeaders").path("pattern").asText());
        }
        String template = from.toString();
        if (template.contains("sora") || template.contains("{{component}}")) {
            assertThat(removed).contains("CamelSora*");
        }
        if (template.contains("veo:") || template.contains("{{component}}")) {
            assertThat(removed).contains("CamelVeo*");
        }
        assertThat(removed).isNotEmpty();
    }

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }
}
