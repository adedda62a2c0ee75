package io.github.camelvideo.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The core's package rules, checked on its compiled classes. */
class PackageRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.github.camelvideo.core");

    @Test
    void noPackageDependsOnOneThatDependsOnItBack() {
        slices().matching("io.github.camelvideo.core.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theAsyncHelpersDependOnNothingButErrorsAndTheScheduler() {
        noClasses().that().resideInAPackage("..core.async..")
                .should().dependOnClassesThat().resideInAnyPackage("..core.job..", "..core.http..",
                        "..core.download..", "..core.camel..", "..core.spi..", "..core.storyboard..",
                        "..core.webhook..", "..core.protocol..", "..core.ops..")
                .check(CORE);
    }

    @Test
    void theProviderSeamKnowsNoCamelAndNoEngine() {
        noClasses().that().resideInAPackage("..core.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "..core.camel..",
                        "..core.job..", "..core.http..", "..core.protocol..")
                .check(CORE);
    }

    @Test
    void protocolsKnowNoCamel() {
        noClasses().that().resideInAPackage("..core.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "..core.camel..")
                .check(CORE);
    }
}
