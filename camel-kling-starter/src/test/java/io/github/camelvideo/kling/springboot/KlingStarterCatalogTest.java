package io.github.camelvideo.kling.springboot;

import org.junit.jupiter.api.Test;

import io.github.camelvideo.springboot.StarterCatalogAssertions;

class KlingStarterCatalogTest {

    @Test
    void everyComponentOptionIsAStarterPropertyWithItsDescriptionAndDefault() throws Exception {
        StarterCatalogAssertions.assertStarterMatchesCatalog("META-INF/io/github/camelvideo/kling/kling.json");
    }
}
