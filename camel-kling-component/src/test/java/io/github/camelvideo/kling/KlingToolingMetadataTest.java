package io.github.camelvideo.kling;

import io.github.camelvideo.core.testing.ToolingMetadataContract;

/** The `camel-kling` jar carries the component list and the catalog that Camel's tooling reads. */
class KlingToolingMetadataTest extends ToolingMetadataContract {

    @Override
    protected String scheme() {
        return "kling";
    }

    @Override
    protected String projectName() {
        return "Camel Video :: Kling component";
    }

    @Override
    protected String describedAs() {
        return "Kling";
    }
}
