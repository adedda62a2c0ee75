package io.github.camelvideo.kling.springboot;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.springboot.BeanReferenceConverter;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.kling.KlingConfiguration;

/**
 * Lets the object options be set in properties as bean references, e.g.
 * {@code camel.component.kling.job-store=#bean:videoJobs}.
 */
@AutoConfiguration
public class KlingComponentConverter {

    @Bean
    @ConfigurationPropertiesBinding
    static BeanReferenceConverter klingBeanReferenceConverter(ApplicationContext applicationContext) {
        return new BeanReferenceConverter(applicationContext, "camel.component.kling",
                Set.of(KlingConfiguration.class, JobStore.class, ModelRules.class, PriceTable.class));
    }
}
