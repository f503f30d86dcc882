package org.custos.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependency arrows pointing at {@code core}: core depends on the JDK only and never reads a clock, a
 * file or the network; adapters depend on core and not on each other, except the CLI, which wires them.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importCustos() {
        // flink's test jar (its Kafka broker, for FlinkKafkaCommandIT) is on the test class path: tests too
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.custos");
    }

    @Test
    void coreDependsOnTheJdkOnly() {
        ArchRule rule = classes().that().resideInAPackage("org.custos.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.custos.core..", "java..")
                .because("core is the pure domain; move framework or I/O code to an adapter module "
                        + "(ingest, cli, ...) and pass plain values into core");
        rule.check(classes);
    }

    @Test
    void coreReadsNoClockFileOrNetwork() {
        ArchRule rule = noClasses().that().resideInAPackage("org.custos.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .because("time in core comes from events or an injected java.time.Clock, and I/O belongs to "
                        + "adapters: take the value as a parameter instead");
        rule.check(classes);
    }

    @Test
    void adaptersDependOnCoreNotOnEachOther() {
        noClasses().that().resideInAPackage("org.custos.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.custos.simulator..", "org.custos.material..",
                        "org.custos.cli..")
                .because("ingest turns sources into core events; it may use core only").check(classes);
        noClasses().that().resideInAPackage("org.custos.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.custos.ingest..", "org.custos.material..",
                        "org.custos.cli..")
                .because("the simulator writes files in the CERT layout; it may use core only").check(classes);
        noClasses().that().resideInAPackage("org.custos.material..")
                .should().dependOnClassesThat().resideInAnyPackage("org.custos.ingest..", "org.custos.simulator..",
                        "org.custos.cli..")
                .because("material (registry, fingerprints, assessment) may use core only; pass what it needs "
                        + "from the CLI as plain values").check(classes);
    }

    @Test
    void theCaseReportUsesCoreStoreAndMaterialOnly() {
        noClasses().that().resideInAPackage("org.custos.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.custos.ingest..", "org.custos.simulator..",
                        "org.custos.server..", "org.custos.flink..", "org.custos.cli..")
                .because("the case report is shared by the CLI and the dashboard; it reads the store and the "
                        + "material registry and takes who it is for as plain values").check(classes);
    }

    @Test
    void theFlinkJobUsesCoreAndIngestOnly() {
        noClasses().that().resideInAPackage("org.custos.flink..")
                .should().dependOnClassesThat().resideInAnyPackage("org.custos.simulator..", "org.custos.material..",
                        "org.custos.cli..")
                .because("the Flink job wraps core's engine over ingest's readers; the CLI wires it").check(classes);
    }

    @Test
    void nothingButTheBenchDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackages("org.custos.cli..", "org.custos.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.custos.cli..")
                .because("the CLI is the outermost layer: move shared code inward").check(classes);
    }
}
