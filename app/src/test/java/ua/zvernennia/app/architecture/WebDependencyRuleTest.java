package ua.zvernennia.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app's web side (the API, the console, Open311, the public form and map) and everything
 * else below the root package see the storage only through the core's ports: the wiring in the
 * root package ({@code App}, {@code Endpoints}, the command-line tools) is the only code that may
 * name the storage module.
 */
class WebDependencyRuleTest {
    private static final String STORAGE = "ua.zvernennia.storage..";

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ua.zvernennia.app", "gg.jte.generated");

    @Test
    void theWebSideDoesNotKnowTheStorage() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "ua.zvernennia.app.api..",
                        "ua.zvernennia.app.console..",
                        "ua.zvernennia.app.open311..",
                        "ua.zvernennia.app.openmap..",
                        "ua.zvernennia.app.publicweb..",
                        "ua.zvernennia.app.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(STORAGE)
                .because("controllers and pages get the core's ports, built for them in the root package")
                .check(app);
    }

    @Test
    void noControllerOrPageKnowsTheStorage() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .or()
                .haveSimpleNameEndingWith("Pages")
                .or()
                .haveSimpleNameEndingWith("Page")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(STORAGE)
                .check(app);
    }

    @Test
    void theConsolesTemplatesDoNotKnowTheStorage() {
        noClasses()
                .that()
                .resideInAPackage("gg.jte.generated..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(STORAGE)
                .check(app);
    }

    @Test
    void onlyTheWiringKnowsTheStorage() {
        noClasses()
                .that()
                .resideInAPackage("ua.zvernennia.app..")
                .and()
                .resideOutsideOfPackage("ua.zvernennia.app")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(STORAGE)
                .because("channels, media, privacy and reports work through ports as well")
                .check(app);
    }
}
