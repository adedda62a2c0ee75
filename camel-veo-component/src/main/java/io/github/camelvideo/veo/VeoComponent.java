package io.github.camelvideo.veo;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import io.github.camelvideo.core.camel.VideoComponentSupport;
import io.github.camelvideo.core.camel.VideoJobConfiguration;
import io.github.camelvideo.core.cost.PriceTable;
import io.github.camelvideo.core.validate.ModelRules;

/**
 * The veo: component: video generation with Google Veo on the Gemini API or on Vertex AI. One job engine (a
 * scheduler and two small thread pools) serves all its endpoints.
 */
@Component("veo")
public class VeoComponent extends VideoComponentSupport {

    @Metadata
    private VeoConfiguration configuration = new VeoConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        VeoOperation operation = VeoOperation.fromValue(remaining);
        VeoEndpoint endpoint = new VeoEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected String engineName() {
        return "Veo";
    }

    @Override
    protected ModelRules defaultModelRules() {
        return ModelRules.fromResource(VeoComponent.class, "veo-model-rules.properties");
    }

    @Override
    protected PriceTable defaultPriceTable() {
        return PriceTable.fromResource(VeoComponent.class, "veo-prices.properties");
    }

    @Override
    protected VideoJobConfiguration componentConfiguration() {
        return configuration;
    }

    public VeoConfiguration getConfiguration() {
        return configuration;
    }

    /** Configuration whose values are the defaults of every endpoint. */
    public void setConfiguration(VeoConfiguration configuration) {
        this.configuration = configuration;
    }
}
