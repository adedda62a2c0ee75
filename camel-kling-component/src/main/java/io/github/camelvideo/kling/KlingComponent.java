package io.github.camelvideo.kling;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import io.github.camelvideo.core.camel.VideoComponentSupport;
import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.validate.ModelRules;

/**
 * The kling: component: Kling video generation, through fal.ai's queue API. One job engine (a scheduler and two small
 * thread pools) serves all its endpoints.
 */
@Component("kling")
public class KlingComponent extends VideoComponentSupport {

    @Metadata
    private KlingConfiguration configuration = new KlingConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KlingOperation operation = KlingOperation.fromValue(remaining);
        KlingEndpoint endpoint = new KlingEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected String engineName() {
        return "Kling";
    }

    @Override
    protected ModelRules defaultModelRules() {
        return ModelRules.fromResource(KlingComponent.class, "kling-model-rules.properties");
    }

    @Override
    protected PriceTable defaultPriceTable() {
        return PriceTable.fromResource(KlingComponent.class, "kling-prices.properties");
    }

    @Override
    protected VideoJobConfiguration componentConfiguration() {
        return configuration;
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    /** Configuration whose values are the defaults of every endpoint. */
    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }
}
