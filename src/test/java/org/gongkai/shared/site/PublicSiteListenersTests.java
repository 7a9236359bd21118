package org.gongkai.shared.site;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The public site's version moves through events only (docs/decisions/0008). */
class PublicSiteListenersTests {

  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.gongkai");

  @Test
  void noModuleRaisesThePublicSiteVersionByHand() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(PublicSiteVersion.class.getName())
        .should()
        .callMethod(PublicSiteVersion.class, "changed")
        .because("a visible change publishes an event implementing PublicSiteChange instead")
        .check(main);
  }
}
