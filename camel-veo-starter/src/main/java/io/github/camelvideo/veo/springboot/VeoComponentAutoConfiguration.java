package io.github.camelvideo.veo.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

import io.github.camelvideo.springboot.StarterProperties;
import io.github.camelvideo.veo.VeoComponent;

/**
 * Applies the {@code camel.component.veo.*} properties to the veo component when Camel creates it, the way
 * Camel Spring Boot's own starters configure their components. {@code camel.component.veo.enabled=false} (or
 * {@code camel.component.enabled=false}) turns it off; {@code camel.component.veo.customizer.enabled=false}
 * keeps the component but skips the properties.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, VeoComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, VeoComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.veo" })
public class VeoComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final VeoComponentConfiguration configuration;

    public VeoComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            VeoComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    /** Copies the properties the application sets onto the component; an unset one leaves the component's default. */
    @Lazy
    @Bean
    public ComponentCustomizer configureVeoComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                StarterProperties.copySetProperties(camelContext, applicationContext.getEnvironment(),
                        "camel.component.veo", configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.veo.customizer") && target instanceof VeoComponent;
            }
        };
    }
}
