package io.github.camelvideo.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class StarterPropertiesTest {

    @Test
    void aPropertyIsSetInAnyRelaxedForm() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("camel.component.sora.apiKey", "k", "camel.component.sora.output-directory", "videos")));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("CAMEL_COMPONENT_SORA_BASEURL", "http://localhost:8089/v1")));

        assertThat(StarterProperties.setOptions(environment, "camel.component.sora"))
                .containsExactlyInAnyOrder("apikey", "outputdirectory", "baseurl");
    }

    @Test
    void optionNamesCompareInTheirUniformForm() {
        assertThat(StarterProperties.uniform("maxConcurrentJobs")).isEqualTo(StarterProperties.uniform("max-concurrent-jobs"));
    }

    @Test
    void anUnresolvedPlaceholderFailsWithThePropertyAndTheVariableButNotTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StarterProperties.checkResolved("camel.component.sora",
                        Map.of("apiKey", "${OPENAI_API_KEY}")))
                .withMessageContaining("camel.component.sora.api-key")
                .withMessageContaining("OPENAI_API_KEY");
        assertThatNoException().isThrownBy(() -> StarterProperties.checkResolved("camel.component.sora",
                Map.of("apiKey", "sk-resolved", "timeout", 1000L)));
    }
}
