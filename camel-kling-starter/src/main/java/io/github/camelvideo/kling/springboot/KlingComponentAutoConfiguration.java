package io.github.camelvideo.kling.springboot;

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
import io.github.camelvideo.kling.KlingComponent;

/**
 * Applies the {@code camel.component.kling.*} properties to the kling component when Camel creates it, the way
 * Camel Spring Boot's own starters configure their components. {@code camel.component.kling.enabled=false} (or
 * {@code camel.component.enabled=false}) turns it off; {@code camel.component.kling.customizer.enabled=false}
 * keeps the component but skips the properties.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, KlingComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, KlingComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.kling" })
public class KlingComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final KlingComponentConfiguration configuration;

    public KlingComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            KlingComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    /** Copies the properties the application sets onto the component; an unset one leaves the component's default. */
    @Lazy
    @Bean
    public ComponentCustomizer configureKlingComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                StarterProperties.copySetProperties(camelContext, applicationContext.getEnvironment(),
                        "camel.component.kling", configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.kling.customizer") && target instanceof KlingComponent;
            }
        };
    }
}
