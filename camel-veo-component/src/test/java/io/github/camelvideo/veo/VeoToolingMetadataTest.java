package io.github.camelvideo.veo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Properties;

import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The jar carries what Camel's tooling reads for its own components: the component list with the Maven
 * coordinates, and the catalog JSON found through the component's package.
 */
class VeoToolingMetadataTest {

    @Test
    void componentListNamesTheComponentAndItsCoordinates() throws IOException {
        Properties list = componentList("camel-veo");

        assertThat(list.getProperty("components")).isEqualTo("veo");
        assertThat(list.getProperty("groupId")).isEqualTo("io.github.camelvideo");
        assertThat(list.getProperty("version")).isNotBlank();
        assertThat(list.getProperty("projectName")).isEqualTo("Camel Video :: Veo component");
        assertThat(list.getProperty("projectDescription")).contains("Google Veo");
    }

    @Test
    void camelFindsTheCatalogOfTheComponent() throws IOException {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // the same lookup Camel's tooling makes: the JSON next to the component's package
            assertThat(((CatalogCamelContext) context).getComponentParameterJsonSchema("veo"))
                    .contains("\"scheme\": \"veo\"", "\"artifactId\": \"camel-veo\"");
        }
    }

    static Properties componentList(String artifactId) throws IOException {
        ClassLoader loader = VeoToolingMetadataTest.class.getClassLoader();
        for (URL url : Collections.list(loader.getResources("META-INF/services/org/apache/camel/component.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            if (artifactId.equals(properties.getProperty("artifactId"))) {
                return properties;
            }
        }
        throw new AssertionError("no component.properties of " + artifactId + " on the class path");
    }
}
