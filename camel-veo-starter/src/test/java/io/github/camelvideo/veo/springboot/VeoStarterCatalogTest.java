package io.github.camelvideo.veo.springboot;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.springboot.StarterCatalogAssertions;

class VeoStarterCatalogTest {

    @Test
    void everyComponentOptionIsAStarterPropertyWithItsDescriptionAndDefault() throws Exception {
        StarterCatalogAssertions.assertStarterMatchesCatalog("META-INF/io/github/camelvideo/veo/veo.json");
    }
}
