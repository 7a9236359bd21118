package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.account.Role;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;

class AdminBootstrapIntegrationTests extends PlatformIntegrationTests {

  @Test
  void theFirstAdministratorIsNamedInThePlatformsFirstLanguage() {
    assertThat(admin().displayName()).isEqualTo("平台管理员");
    assertThat(admin().role()).isEqualTo(Role.PLATFORM_ADMIN);
  }
}
