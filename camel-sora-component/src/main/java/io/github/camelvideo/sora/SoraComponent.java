package io.github.camelvideo.sora;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import io.github.camelvideo.core.camel.VideoComponentSupport;
import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.validate.ModelRules;
import io.github.camelvideo.sora.openai.OpenAiVideoProvider;

/**
 * The sora: component: video generation through the OpenAI Videos API. One job engine (a scheduler and two
 * small thread pools) serves all its endpoints.
 */
@Component("sora")
public class SoraComponent extends VideoComponentSupport {

    /** Name of the environment variable holding the webhook secret when the webhookSecret option is not set. */
    public static final String WEBHOOK_SECRET_ENV = OpenAiVideoProvider.WEBHOOK_SECRET_ENV;

    @Metadata
    private SoraConfiguration configuration = new SoraConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SoraOperation operation = SoraOperation.fromValue(remaining);
        SoraEndpoint endpoint = new SoraEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected String engineName() {
        return "Sora";
    }

    @Override
    protected ModelRules defaultModelRules() {
        return ModelRules.fromResource(SoraComponent.class, "sora-model-rules.properties");
    }

    @Override
    protected PriceTable defaultPriceTable() {
        return PriceTable.fromResource(SoraComponent.class, "sora-prices.properties");
    }

    @Override
    protected VideoJobConfiguration componentConfiguration() {
        return configuration;
    }

    public SoraConfiguration getConfiguration() {
        return configuration;
    }

    /** Configuration whose values are the defaults of every endpoint. */
    public void setConfiguration(SoraConfiguration configuration) {
        this.configuration = configuration;
    }
}
