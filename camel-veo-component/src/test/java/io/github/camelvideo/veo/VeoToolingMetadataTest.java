package io.github.camelvideo.veo;

import io.github.camelvideo.core.testing.ToolingMetadataContract;

/** The `camel-veo` jar carries the component list and the catalog that Camel's tooling reads. */
class VeoToolingMetadataTest extends ToolingMetadataContract {

    @Override
    protected String scheme() {
        return "veo";
    }

    @Override
    protected String projectName() {
        return "Camel Video :: Veo component";
    }

    @Override
    protected String describedAs() {
        return "Google Veo";
    }
}
