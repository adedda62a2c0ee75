package io.github.camelvideo.core.testing;

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
 * A component jar carries what Camel's tooling reads for its own components: the component list with the Maven
 * coordinates, and the catalog JSON found through the component's package. Each component's test names its own.
 */
public abstract class ToolingMetadataContract {

    /** The component's URI scheme, also its artifactId after {@code camel-}. */
    protected abstract String scheme();

    /** The module's Maven project name. */
    protected abstract String projectName();

    /** Words the module's Maven description contains. */
    protected abstract String describedAs();

    @Test
    void componentListNamesTheComponentAndItsCoordinates() throws IOException {
        Properties list = componentList("camel-" + scheme());

        assertThat(list.getProperty("components")).isEqualTo(scheme());
        assertThat(list.getProperty("groupId")).isEqualTo("io.github.camelvideo");
        assertThat(list.getProperty("version")).isNotBlank();
        assertThat(list.getProperty("projectName")).isEqualTo(projectName());
        assertThat(list.getProperty("projectDescription")).contains(describedAs());
    }

    @Test
    void camelFindsTheCatalogOfTheComponent() throws IOException {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // the same lookup Camel's tooling makes: the JSON next to the component's package
            assertThat(((CatalogCamelContext) context).getComponentParameterJsonSchema(scheme()))
                    .contains("\"scheme\": \"" + scheme() + "\"", "\"artifactId\": \"camel-" + scheme() + "\"");
        }
    }

    private Properties componentList(String artifactId) throws IOException {
        ClassLoader loader = getClass().getClassLoader();
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
