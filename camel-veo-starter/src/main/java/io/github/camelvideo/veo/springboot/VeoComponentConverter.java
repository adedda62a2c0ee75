package io.github.camelvideo.veo.springboot;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.springboot.BeanReferenceConverter;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.veo.VeoConfiguration;

/**
 * Lets the object options be set in properties as bean references, e.g.
 * {@code camel.component.veo.job-store=#bean:videoJobs}.
 */
@AutoConfiguration
public class VeoComponentConverter {

    @Bean
    @ConfigurationPropertiesBinding
    static BeanReferenceConverter veoBeanReferenceConverter(ApplicationContext applicationContext) {
        return new BeanReferenceConverter(applicationContext, "camel.component.veo",
                Set.of(VeoConfiguration.class, JobStore.class, ModelRules.class, PriceTable.class));
    }
}
