package io.github.camelvideo.sora.springboot;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.springboot.StarterCatalogAssertions;

class SoraStarterCatalogTest {

    @Test
    void everyComponentOptionIsAStarterPropertyWithItsDescriptionAndDefault() throws Exception {
        StarterCatalogAssertions.assertStarterMatchesCatalog("META-INF/io/github/camelvideo/sora/sora.json");
    }
}
