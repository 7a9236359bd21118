package org.gongkai.account.internal;

import java.security.SecureRandom;
import java.util.Locale;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first start there is no account: creates {@code admin} with the password from
 * GONGKAI_ADMIN_PASSWORD, or a random one, and prints the login once. There is no default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final Accounts accounts;
  private final Environment environment;
  private final MessageSource messages;

  AdminBootstrap(Accounts accounts, Environment environment, MessageSource messages) {
    this.accounts = accounts;
    this.environment = environment;
    this.messages = messages;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (accounts.anyPlatformAdmin()) {
      return;
    }
    String given = environment.getProperty("GONGKAI_ADMIN_PASSWORD");
    boolean generated = given == null || given.isBlank();
    String password = generated ? randomPassword() : given;
    // A name is data, shown as written to every reader: the platform's first language names it.
    String name =
        messages.getMessage("account.admin.display-name", null, Locale.SIMPLIFIED_CHINESE);
    accounts.bootstrap("admin", name, Role.PLATFORM_ADMIN, null, password);
    // Printed to the console only, never to a log file: the operator needs it once.
    System.out.println();
    System.out.println("==================================================================");
    System.out.println(
        " Gongkai admin login   user: admin   password: "
            + (generated ? password : "(GONGKAI_ADMIN_PASSWORD)"));
    System.out.println(
        " Console: http://localhost:"
            + environment.getProperty("local.server.port", "8080")
            + "/console");
    System.out.println(
        " At the first login you set up an authenticator app (TOTP) for the second factor.");
    System.out.println("==================================================================");
    System.out.println();
  }

  static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
