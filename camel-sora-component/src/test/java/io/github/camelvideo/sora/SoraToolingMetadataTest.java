package io.github.camelvideo.sora;

import io.github.camelvideo.core.testing.ToolingMetadataContract;

/** The `camel-sora` jar carries the component list and the catalog that Camel's tooling reads. */
class SoraToolingMetadataTest extends ToolingMetadataContract {

    @Override
    protected String scheme() {
        return "sora";
    }

    @Override
    protected String projectName() {
        return "Camel Video :: Sora component";
    }

    @Override
    protected String describedAs() {
        return "OpenAI Videos API";
    }
}
