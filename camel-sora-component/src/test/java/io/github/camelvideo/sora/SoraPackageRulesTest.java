package io.github.camelvideo.sora;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The component's package rules: its providers (one package per protocol) know nothing of the component that picks
 * them, and no package depends on one that depends on it back.
 */
class SoraPackageRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.github.camelvideo.sora");

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.github.camelvideo.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void providersKnowNothingOfTheComponent() {
        noClasses().that().resideInAPackage("io.github.camelvideo.sora.*..")
                .should().dependOnClassesThat().resideInAPackage("io.github.camelvideo.sora")
                .check(CLASSES);
    }
}
