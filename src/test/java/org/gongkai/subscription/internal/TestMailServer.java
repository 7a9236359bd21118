package org.gongkai.subscription.internal;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One GreenMail server (SMTP and IMAP on free ports) for the JVM's subscription tests, and what a
 * test reads from it: the mails one address received, their text and links.
 */
public final class TestMailServer {

  public static final String BOUNCE_LOGIN = "bounces";
  public static final String BOUNCE_PASSWORD = "bounce-password";
  public static final String BOUNCE_ADDRESS = "bounces@gongkai.test";

  private static GreenMail server;
  private static GreenMailUser bounceBox;

  private TestMailServer() {}

  public static synchronized GreenMail server() {
    if (server == null) {
      ServerSetup[] setups = {
        ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
      };
      server = new GreenMail(setups);
      server.start();
      bounceBox = server.setUser(BOUNCE_ADDRESS, BOUNCE_LOGIN, BOUNCE_PASSWORD);
    }
    return server;
  }

  /** The mailbox bounces come back to. */
  public static synchronized GreenMailUser bounceBox() {
    server();
    return bounceBox;
  }

  /**
   * Sends a test class's platform mail to this server, in the one context every class so marked
   * shares (with the same other settings), where a {@code @DynamicPropertySource} method of each
   * class's own would start a context per class.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @ContextConfiguration(initializers = MailInitializer.class)
  public @interface WithTestMailServer {}

  /** What {@link WithTestMailServer} applies: the settings {@link #register} names. */
  public static class MailInitializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(settings()).applyTo(context.getEnvironment());
    }
  }

  /** The settings that send the platform's mail to this server and read bounces from it. */
  public static void register(DynamicPropertyRegistry registry) {
    settings().forEach((name, value) -> registry.add(name, () -> value));
  }

  private static Map<String, String> settings() {
    GreenMail mail = server();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.mail.host", "127.0.0.1");
    settings.put("spring.mail.port", String.valueOf(mail.getSmtp().getPort()));
    settings.put("gongkai.subscriptions.send-interval", "PT1H");
    settings.put("gongkai.subscriptions.query-delay", "PT0S");
    settings.put("gongkai.subscriptions.bounces.interval", "PT1H");
    settings.put("gongkai.subscriptions.bounces.host", "127.0.0.1");
    settings.put("gongkai.subscriptions.bounces.port", String.valueOf(mail.getImap().getPort()));
    settings.put("gongkai.subscriptions.bounces.username", BOUNCE_LOGIN);
    settings.put("gongkai.subscriptions.bounces.password", BOUNCE_PASSWORD);
    return settings;
  }

  /** Every mail the address has received so far, oldest first. */
  public static List<MimeMessage> to(String address) throws MessagingException {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : server().getReceivedMessages()) {
      Address[] to = m.getRecipients(MimeMessage.RecipientType.TO);
      if (to != null && to.length == 1 && to[0].toString().equalsIgnoreCase(address)) {
        found.add(m);
      }
    }
    return found;
  }

  public static String text(MimeMessage m) throws MessagingException, IOException {
    Object content = m.getContent();
    return content instanceof String s ? s : String.valueOf(content);
  }

  /** The token of the first link to {@code path} in the mail's text. */
  public static String token(MimeMessage m, String path) throws MessagingException, IOException {
    Matcher found =
        Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_.\\-]+)").matcher(text(m));
    if (!found.find()) {
      throw new AssertionError("no link to " + path + " in " + text(m));
    }
    return found.group(1);
  }
}
