package io.github.camelvideo.sora.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.camelvideo.core.job.InMemoryJobStore;
import io.github.camelvideo.core.job.JobStore;
import io.github.camelvideo.sora.SoraComponent;

/** How properties that are not plain values bind: bean references, switches, unresolved placeholders. */
class SoraStarterBindingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, SoraComponentConverter.class,
                    SoraComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.sora.api-key=sk-binding-test");

    @Test
    void aBeanReferenceSelectsTheBean() {
        JobStore store = new InMemoryJobStore(10);
        runner.withBean("videoJobs", JobStore.class, () -> store)
                .withBean("otherJobs", JobStore.class, InMemoryJobStore::new)
                .withPropertyValues("camel.component.sora.job-store=#bean:videoJobs")
                .run(context -> assertThat(sora(context.getBean(CamelContext.class)).getJobStore()).isSameAs(store));
    }

    @Test
    void aReferenceToAMissingBeanStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("camel.component.sora.job-store=#bean:noSuchBean")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("camel.component.sora.job-store")
                        .hasStackTraceContaining("noSuchBean"));
    }

    @Test
    void anUnresolvedPlaceholderFailsInsteadOfBecomingTheKey() {
        runner.withPropertyValues("camel.component.sora.api-key=${NO_SUCH_VARIABLE_FOR_THE_TEST}")
                .run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sora(camel))
                            .hasStackTraceContaining("camel.component.sora.api-key")
                            .hasStackTraceContaining("NO_SUCH_VARIABLE_FOR_THE_TEST");
                });
    }

    @Test
    void theCustomizerCanBeSwitchedOff() {
        runner.withPropertyValues("camel.component.sora.model=sora-2-pro",
                "camel.component.sora.customizer.enabled=false")
                .run(context -> assertThat(sora(context.getBean(CamelContext.class)).getConfiguration().getModel())
                        .isEqualTo("sora-2"));
    }

    private static SoraComponent sora(CamelContext camel) {
        return camel.getComponent("sora", SoraComponent.class);
    }
}
