package ua.zvernennia.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** bot-core knows no messenger, database or HTTP library: dependencies point inward. */
class DependencyRuleTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ua.zvernennia.core");

    @Test
    void theCoreDependsOnlyOnTheJdkAndSlf4j() {
        classes()
                .that()
                .resideInAPackage("ua.zvernennia.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("ua.zvernennia.core..", "java..", "org.slf4j..")
                .check(core);
    }

    @Test
    void theCoreDoesNoIoOfItsOwn() {
        noClasses()
                .that()
                .resideInAPackage("ua.zvernennia.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..", "javax.sql..", "java.net.http..")
                .check(core);
    }

    @Test
    void theCoreNamesNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("ua.zvernennia.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "ua.zvernennia.storage..",
                        "ua.zvernennia.telegram..",
                        "ua.zvernennia.viber..",
                        "ua.zvernennia.app..")
                .check(core);
    }
}
