package com.klinecast.core.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each package of core (a subpackage such as {@code forecast.portable} on its own) depends on the others without a
 * cycle, so a change to one never needs the packages that depend on it: wiring lives outside what it wires.
 */
class PackageCyclesTest {

    @Test
    void corePackagesAreFreeOfCycles() {
        // core's own class files only (the module's directory is the working directory), no jar scanned.
        JavaClasses core = new ClassFileImporter().importPath(Path.of("target/classes"));
        slices().matching("com.klinecast.core.(**)").should().beFreeOfCycles().check(core);
    }
}
